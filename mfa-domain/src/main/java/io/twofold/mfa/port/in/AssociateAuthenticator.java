package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/** Enrolls a new, pending authenticator ({@code POST /mfa/associate}). */
public interface AssociateAuthenticator {

    /**
     * Right: the pending authenticator's secrets, shown once. Left: among others
     * {@code InvalidToken} (bearer), {@code AlreadyEnrolled} (an {@code mfa_token} for a user with an
     * active factor), {@code InvalidRequest} (an address that is not one), {@code TooManySends},
     * {@code DeliveryFailed} (nothing is stored then).
     */
    Either<MfaError, Association> associate(AssociateCommand command);
}
