package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.port.in.operator.FactorAdministration;
import io.twofold.mfa.port.in.operator.GuardianEnrollments;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.usecase.internal.AuditTrail;

import java.time.Clock;

/** The operator use cases on a user's factors, built by hand from the ports they use. */
public record FactorOperations(FactorAdministration factors, GuardianEnrollments enrollments) {

    /** {@code allowedCountries}: where SMS and voice codes may go (the MFA API's rule, {@code MFA_SMS_ALLOWED_COUNTRIES}). */
    public static FactorOperations of(UserDirectory users, AuthenticatorStore authenticators, ChallengeStore challenges,
                                      UnitOfWork unitOfWork, AuditLog auditLog, RandomSource random,
                                      CallingCodes allowedCountries, Clock clock) {
        AuditTrail audit = new AuditTrail(auditLog, clock);
        FactorRemoval removal = new FactorRemoval(authenticators, challenges, audit, clock);
        return new FactorOperations(
                new FactorAdministrationService(users, authenticators, removal, new FactorImport(allowedCountries),
                        new SecretGenerator(random), unitOfWork, audit, clock),
                new GuardianEnrollmentsService(users, authenticators, removal, unitOfWork, clock));
    }
}
