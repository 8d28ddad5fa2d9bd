package io.twofold.mfa.model;

import io.vavr.collection.List;

import java.time.Duration;
import java.util.Objects;

/**
 * An API that access tokens may be issued for (Auth0's resource server): the {@code audience} a
 * token request names is its {@code identifier}. Built-in ones ({@code system}) cannot be changed.
 * Tokens are always RS256, so the signing algorithm is not a field.
 */
public record ResourceServer(String id, String identifier, String name, List<ApiScope> scopes, Duration tokenLifetime,
                             boolean allowOfflineAccess, boolean system) {
    public ResourceServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    }

    /** Whether the API defines the scope {@code value}. */
    public boolean defines(String value) {
        return scopes.exists(scope -> scope.value().equals(value));
    }

    public List<String> scopeNames() {
        return scopes.map(ApiScope::value);
    }
}
