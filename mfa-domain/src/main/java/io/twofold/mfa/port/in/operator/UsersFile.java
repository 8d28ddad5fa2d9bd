package io.twofold.mfa.port.in.operator;

import java.io.InputStream;

/** An uploaded users file, kept until the job that reads it is done with it. */
public interface UsersFile {

    /** A stream over the whole file, from its start. */
    InputStream open() throws java.io.IOException;

    /** Forgets the file (its job has finished, or will never start). */
    void discard();
}
