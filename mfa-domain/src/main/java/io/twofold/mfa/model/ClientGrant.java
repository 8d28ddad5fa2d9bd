package io.twofold.mfa.model;

import io.vavr.collection.List;

import java.util.Objects;

/** Which API (by audience) a client may get machine tokens for, and with which scopes. */
public record ClientGrant(String id, ClientId clientId, String audience, List<String> scope) {
    public ClientGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(audience, "audience");
        scope = scope.distinct();
    }

    public ClientGrant withScope(List<String> newScope) {
        return new ClientGrant(id, clientId, audience, newScope);
    }
}
