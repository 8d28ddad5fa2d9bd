package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/** Enrolls a new, pending authenticator ({@code POST /mfa/associate}). */
public interface AssociateAuthenticator {

    Either<MfaError, Association> associate(AssociateCommand command);
}
