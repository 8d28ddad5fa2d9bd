package io.twofold.mfa.model;

import io.vavr.control.Option;

/** What a request presents to authenticate its client: the id and, for confidential clients, the secret. */
public record ClientCredentials(ClientId clientId, Option<String> secret) {
    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + ", secret=" + (secret.isDefined() ? "***" : "none") + "]";
    }
}
