package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.FactorSetting;
import io.twofold.mfa.model.GuardianFactor;
import io.twofold.mfa.model.TenantMfaPolicy;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.port.in.operator.GuardianAdministration;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The operator's factor switches and MFA policies. A factor Twofold cannot serve is always off and
 * may only be set off; {@code confidence-score} is refused. Every change is audited with the acting
 * client, in the change's unit of work.
 */
record GuardianAdministrationService(TenantPolicyStore tenant, UnitOfWork unitOfWork, AuditTrail audit)
        implements GuardianAdministration {

    @Override
    public List<FactorSetting> factors() {
        TenantPolicy policy = tenant.current();
        return List.of(GuardianFactor.values())
                .map(factor -> new FactorSetting(factor, factor.served().exists(policy::allows)));
    }

    @Override
    public Either<OperatorError, FactorSetting> setFactor(ClientId actor, String name, boolean enabled) {
        Option<GuardianFactor> factor = GuardianFactor.byName(name);
        if (factor.isEmpty()) {
            return Either.left(new OperatorError.UnknownFactor(name));
        }
        if (factor.get().served().isEmpty()) {
            return enabled
                    ? Either.left(new OperatorError.UnservedFactor(name))
                    : Either.right(new FactorSetting(factor.get(), false));
        }
        return Either.right(unitOfWork.inTransaction(() -> {
            tenant.enableFactor(factor.get().served().get(), enabled);
            audit.record("mgmt.guardian_factor.updated", Option.none(), Option.of(actor),
                    "factor", name, "enabled", Boolean.toString(enabled));
            return new FactorSetting(factor.get(), enabled);
        }));
    }

    @Override
    public List<TenantMfaPolicy> policies() {
        return tenant.current().mfaForAllApplications() ? List.of(TenantMfaPolicy.ALL_APPLICATIONS) : List.empty();
    }

    @Override
    public Either<OperatorError, List<TenantMfaPolicy>> setPolicies(ClientId actor, List<String> names) {
        Option<String> refused = names.find(n -> !n.equals(TenantMfaPolicy.ALL_APPLICATIONS.policyName()));
        if (refused.isDefined()) {
            return Either.left(new OperatorError.UnsupportedMfaPolicy(refused.get()));
        }
        boolean all = names.nonEmpty();
        return Either.right(unitOfWork.inTransaction(() -> {
            tenant.requireMfaForAllApplications(all);
            audit.record("mgmt.guardian_policy.updated", Option.none(), Option.of(actor),
                    "all_applications", Boolean.toString(all));
            return all ? List.of(TenantMfaPolicy.ALL_APPLICATIONS) : List.<TenantMfaPolicy>empty();
        }));
    }
}
