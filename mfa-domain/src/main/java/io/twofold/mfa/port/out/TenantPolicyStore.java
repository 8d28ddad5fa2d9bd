package io.twofold.mfa.port.out;

import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.TenantPolicy;

/**
 * The operator's tenant-wide MFA switches, shared by every node: a change is seen by the next read
 * anywhere, so nothing may cache them.
 */
public interface TenantPolicyStore {

    /** The switches now; {@link TenantPolicy#DEFAULT} until an operator changes one. */
    TenantPolicy current();

    /** Turns one factor type on or off. */
    void enableFactor(FactorType type, boolean enabled);

    /** Turns the {@code all-applications} policy on or off. */
    void requireMfaForAllApplications(boolean required);
}
