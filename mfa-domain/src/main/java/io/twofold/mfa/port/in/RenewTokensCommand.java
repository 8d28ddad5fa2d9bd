package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.Scope;
import io.vavr.control.Option;

/** A {@code refresh_token} grant as received: the token, and the scope asked for (none: the login's scope). */
public record RenewTokensCommand(ClientCredentials client, String refreshToken, Option<Scope> scope) {
    @Override
    public String toString() {
        return "RenewTokensCommand[" + client + ", refreshToken=***, scope=" + scope + "]";
    }
}
