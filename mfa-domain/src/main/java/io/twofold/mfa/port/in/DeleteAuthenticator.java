package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AuthenticatorId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Deletes an authenticator and the ones paired with it ({@code DELETE /mfa/authenticators/{id}}). */
public interface DeleteAuthenticator {

    /** The ids removed (the named one and its pair) on success. */
    Either<MfaError, List<AuthenticatorId>> delete(String bearer, String authenticatorId);
}
