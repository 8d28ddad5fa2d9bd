package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.Scope;
import io.vavr.control.Option;

/** A {@code password} or {@code password-realm} grant as received. */
public record PasswordLoginCommand(
        ClientCredentials client,
        GrantType grantType,
        Option<String> realm,
        String username,
        String password,
        Option<String> audience,
        Scope scope) {

    @Override
    public String toString() {
        return "PasswordLoginCommand[" + client + ", " + grantType + ", realm=" + realm + ", password=***]";
    }
}
