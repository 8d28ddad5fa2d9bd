package io.twofold.mfa.model;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * The operator's tenant-wide MFA switches: which factor types may be enrolled and challenged, and
 * whether every login needs a second factor whatever its client's policy ({@code all-applications}).
 */
public record TenantPolicy(Set<FactorType> enabledFactors, boolean mfaForAllApplications) {

    /** What Twofold did before the switches existed: every factor type on, the clients' policies decide. */
    public static final TenantPolicy DEFAULT = new TenantPolicy(HashSet.of(FactorType.values()), false);

    public TenantPolicy {
        Objects.requireNonNull(enabledFactors, "enabledFactors");
    }

    public boolean allows(FactorType type) {
        return enabledFactors.contains(type);
    }

    public boolean allows(AuthenticatorKind kind) {
        return allows(FactorType.of(kind));
    }

    /** The authenticators whose factor type is on; the others grant nothing while it is off. */
    public <A extends Authenticator> List<A> usable(List<A> authenticators) {
        return authenticators.filter(a -> allows(a.id().kind()));
    }

    public TenantPolicy withFactor(FactorType type, boolean enabled) {
        return new TenantPolicy(enabled ? enabledFactors.add(type) : enabledFactors.remove(type), mfaForAllApplications);
    }

    public TenantPolicy withMfaForAllApplications(boolean required) {
        return new TenantPolicy(enabledFactors, required);
    }
}
