package io.twofold.mfa.policy;

import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.Scope;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;

/** Which scopes tokens get for an API: a user login, and a machine login (client grant). */
public final class UserTokenScopes {
    /** OpenID Connect scopes: about the user and the ID token, never an API permission, so always kept. */
    public static final Set<String> OIDC = HashSet.of("openid", "profile", "email", "offline_access");

    private UserTokenScopes() {
    }

    /** A user login keeps the OIDC scopes it asked for and, of the rest, only those the API defines. */
    public static Scope forUser(ResourceServer api, Scope requested) {
        return new Scope(requested.values().filter(value -> OIDC.contains(value) || api.defines(value)));
    }

    /**
     * A machine token gets the scopes of its client grant that the API still defines, narrowed to
     * those requested when the request names any (a request may ask for less, never for more).
     */
    public static Scope forClient(ResourceServer api, List<String> granted, Scope requested) {
        List<String> allowed = granted.filter(api::defines);
        return new Scope(requested.isEmpty() ? allowed : allowed.filter(requested::contains));
    }
}
