package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.port.in.operator.GuardianAdministration;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;

import java.time.Clock;

/** Builds the factor-switch and MFA-policy use case from its ports. */
public final class GuardianOperations {
    private GuardianOperations() {
    }

    public static GuardianAdministration of(TenantPolicyStore tenant, UnitOfWork unitOfWork, AuditLog audit, Clock clock) {
        return new GuardianAdministrationService(tenant, unitOfWork, new AuditTrail(audit, clock));
    }
}
