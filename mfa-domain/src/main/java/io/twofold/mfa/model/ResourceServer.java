package io.twofold.mfa.model;

import io.vavr.collection.List;

import java.time.Duration;
import java.util.Objects;

/**
 * An API that access tokens may be issued for (Auth0's resource server): the {@code audience} a
 * token request names is its {@code identifier}. Built-in ones ({@code system}) cannot be changed,
 * and sign RS256. {@code signingAlgorithm} is the algorithm of the access tokens issued for it.
 */
public record ResourceServer(String id, String identifier, String name, List<ApiScope> scopes, Duration tokenLifetime,
                             boolean allowOfflineAccess, SigningAlgorithm signingAlgorithm, boolean system) {
    public ResourceServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (system && signingAlgorithm != SigningAlgorithm.RS256) {
            // The MFA and Management APIs check their bearers as RS256 only: a token of theirs in any
            // other algorithm would be refused by the very API it was issued for.
            throw new IllegalArgumentException("a built-in API signs RS256");
        }
    }

    /** Whether the API defines the scope {@code value}. */
    public boolean defines(String value) {
        return scopes.exists(scope -> scope.value().equals(value));
    }

    public List<String> scopeNames() {
        return scopes.map(ApiScope::value);
    }
}
