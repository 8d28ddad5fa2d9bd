package io.twofold.mfa.policy;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.Scope;
import io.vavr.control.Option;

/**
 * When a login earns a refresh token: it asked for {@code offline_access}, its client may refresh, and
 * (Auth0's rule) the API it asked a token for allows offline access. A login without an audience
 * (tokens for {@code /userinfo}) may; a built-in API (the MFA API, the Management API) never does.
 */
public final class OfflineAccess {
    public static final String SCOPE = "offline_access";

    private OfflineAccess() {
    }

    public static boolean earnsRefreshToken(Client client, Scope scope) {
        return scope.contains(SCOPE) && client.allows(GrantType.REFRESH_TOKEN);
    }

    /** Whether the API of {@code audience} (none: no API) lets logins keep refresh tokens; {@code api} is its registration. */
    public static boolean apiAllows(Option<String> audience, Option<ResourceServer> api) {
        return audience.isEmpty() || api.exists(ResourceServer::allowOfflineAccess);
    }

    /** A refresh may ask for the login's scope or part of it, never more. */
    public static boolean narrowsOrEquals(Scope requested, Scope granted) {
        return granted.values().containsAll(requested.values());
    }
}
