package io.twofold.mfa.model;

import io.vavr.collection.Set;

/**
 * A registered client application: which grants it may use, when its logins need MFA, and how its
 * refresh tokens live (used only when it may use the {@code refresh_token} grant).
 */
public record Client(ClientId id, String name, boolean confidential, Set<GrantType> grantTypes, MfaPolicy mfaPolicy,
                     RefreshTokenPolicy refreshTokens) {

    /** A client with the default refresh-token policy. */
    public Client(ClientId id, String name, boolean confidential, Set<GrantType> grantTypes, MfaPolicy mfaPolicy) {
        this(id, name, confidential, grantTypes, mfaPolicy, RefreshTokenPolicy.DEFAULT);
    }

    public boolean allows(GrantType grant) {
        return grantTypes.contains(grant);
    }
}
