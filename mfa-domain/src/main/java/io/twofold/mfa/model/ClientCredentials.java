package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * What a request presents to authenticate its client: the id and, for confidential clients, either
 * the secret or a signed client assertion (Private Key JWT). Never both: the HTTP edge refuses that.
 */
public record ClientCredentials(ClientId clientId, Option<String> secret, Option<ClientAssertion> assertion) {
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(assertion, "assertion");
    }

    /** The id and, perhaps, a secret. */
    public ClientCredentials(ClientId clientId, Option<String> secret) {
        this(clientId, secret, Option.none());
    }

    /** The id and a signed assertion. */
    public static ClientCredentials asserted(ClientId clientId, ClientAssertion assertion) {
        return new ClientCredentials(clientId, Option.none(), Option.some(assertion));
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + ", secret=" + (secret.isDefined() ? "***" : "none")
                + (assertion.isDefined() ? ", assertion=***" : "") + "]";
    }
}
