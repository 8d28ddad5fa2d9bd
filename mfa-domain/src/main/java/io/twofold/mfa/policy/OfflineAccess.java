package io.twofold.mfa.policy;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.Scope;

/** When a login earns a refresh token: it asked for {@code offline_access} and its client may refresh. */
public final class OfflineAccess {
    public static final String SCOPE = "offline_access";

    private OfflineAccess() {
    }

    public static boolean earnsRefreshToken(Client client, Scope scope) {
        return scope.contains(SCOPE) && client.allows(GrantType.REFRESH_TOKEN);
    }

    /** A refresh may ask for the login's scope or part of it, never more. */
    public static boolean narrowsOrEquals(Scope requested, Scope granted) {
        return granted.values().containsAll(requested.values());
    }
}
