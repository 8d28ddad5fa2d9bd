package io.twofold.mfa.memory;

import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.port.out.TenantPolicyStore;

import java.util.concurrent.atomic.AtomicReference;

/** A {@link TenantPolicyStore} in memory, for one node. */
public final class InMemoryTenantPolicyStore implements TenantPolicyStore {
    private final AtomicReference<TenantPolicy> policy = new AtomicReference<>(TenantPolicy.DEFAULT);

    @Override
    public TenantPolicy current() {
        return policy.get();
    }

    @Override
    public void enableFactor(FactorType type, boolean enabled) {
        policy.updateAndGet(p -> p.withFactor(type, enabled));
    }

    @Override
    public void requireMfaForAllApplications(boolean required) {
        policy.updateAndGet(p -> p.withMfaForAllApplications(required));
    }
}
