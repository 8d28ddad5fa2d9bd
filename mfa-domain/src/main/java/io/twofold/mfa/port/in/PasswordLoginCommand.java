package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.Scope;
import io.vavr.control.Option;

/**
 * A {@code password} or {@code password-realm} grant as received. {@code clientIp} is the address
 * the request came from (the socket's peer); {@code forwardedFor} is the end-user IP a backend
 * claims in {@code auth0-forwarded-for}, trusted only once the client has proved it is confidential
 * (a public client could send any value and dodge the brute-force protection).
 */
public record PasswordLoginCommand(
        ClientCredentials client,
        GrantType grantType,
        Option<String> realm,
        String username,
        String password,
        Option<String> audience,
        Scope scope,
        Option<String> clientIp,
        Option<String> forwardedFor) {

    /**
     * A grant with no known end-user address (a host embedding the library without one): wrong
     * passwords are then counted per realm and username alone.
     */
    public PasswordLoginCommand(ClientCredentials client, GrantType grantType, Option<String> realm, String username,
                                String password, Option<String> audience, Scope scope) {
        this(client, grantType, realm, username, password, audience, scope, Option.none(), Option.none());
    }

    public RequestOrigin origin() {
        return new RequestOrigin(clientIp, forwardedFor);
    }

    @Override
    public String toString() {
        // No username, password or address: the command may end up in a log line.
        return "PasswordLoginCommand[" + client + ", " + grantType + ", realm=" + realm + ", password=***]";
    }
}
