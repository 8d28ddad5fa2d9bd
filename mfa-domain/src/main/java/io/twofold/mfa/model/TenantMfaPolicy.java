package io.twofold.mfa.model;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** The tenant-wide MFA policies of Auth0's Guardian configuration (Management API spec 6.3). */
public enum TenantMfaPolicy {
    /** Every login needs a second factor, whatever its client's policy. */
    ALL_APPLICATIONS("all-applications"),
    /** Adaptive MFA: an Auth0 Enterprise add-on that Twofold does not offer. */
    CONFIDENCE_SCORE("confidence-score");

    private final String policyName;

    TenantMfaPolicy(String policyName) {
        this.policyName = policyName;
    }

    public String policyName() {
        return policyName;
    }

    public static Option<TenantMfaPolicy> byName(String name) {
        return List.of(values()).find(p -> p.policyName.equals(name));
    }
}
