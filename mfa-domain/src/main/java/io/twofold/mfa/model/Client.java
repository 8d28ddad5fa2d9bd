package io.twofold.mfa.model;

import io.vavr.collection.Set;

/** A registered client application: which grants it may use and when its logins need MFA. */
public record Client(ClientId id, String name, boolean confidential, Set<GrantType> grantTypes, MfaPolicy mfaPolicy) {

    public boolean allows(GrantType grant) {
        return grantTypes.contains(grant);
    }
}
