package io.twofold.mfa.http.management;

import io.twofold.mfa.model.ClientId;
import io.vavr.collection.Set;

/** Who called the Management API: the client its machine token was issued to, with the token's scopes. */
public record Operator(ClientId client, Set<String> scopes) {

    public boolean holds(String scope) {
        return scopes.contains(scope);
    }
}
