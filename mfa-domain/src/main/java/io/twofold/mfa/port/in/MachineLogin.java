package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/** The {@code client_credentials} grant: a confidential client's own token for an API it has a client grant for. */
public interface MachineLogin {

    /** The token, or why the client may not have it. */
    Either<MfaError, IssuedTokens> login(MachineLoginCommand command);
}
