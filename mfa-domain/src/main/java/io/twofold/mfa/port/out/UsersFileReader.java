package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.UsersFileFormat;
import io.vavr.control.Either;

import java.io.InputStream;

/**
 * Reads a users file into the user directory, one user at a time, each user all or nothing. A user it
 * refuses is reported with its error line and the others go on; only a file that cannot be read as a
 * whole (not JSON, not the format's shape) is a {@code Left}, with a reason that quotes nothing from it.
 */
public interface UsersFileReader {

    Either<String, ImportCounts> read(InputStream file, UsersFileFormat format, String connection, boolean upsert,
                                      Progress progress);

    /** What the reader reports as it goes. */
    interface Progress {
        /** The counts after each user. */
        void counted(ImportCounts counts);

        /** The user at {@code index} was refused: {@code line} is its error line, a JSON object with no secret. */
        void rejected(int index, String line);
    }
}
