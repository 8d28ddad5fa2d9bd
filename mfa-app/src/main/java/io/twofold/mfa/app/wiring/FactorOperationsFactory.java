package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.port.in.operator.FactorAdministration;
import io.twofold.mfa.port.in.operator.GuardianEnrollments;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.usecase.operator.FactorOperations;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The operator use cases on a user's factors, on the app's stores; phones follow MFA_SMS_ALLOWED_COUNTRIES. */
@Factory
class FactorOperationsFactory {

    @Singleton
    FactorOperations factorOperations(TwofoldConfiguration configuration, JdbcStorage storage, RandomSource random,
                                      Clock clock) {
        return FactorOperations.of(storage.users(), storage.authenticators(), storage.challenges(), storage.unitOfWork(),
                storage.auditLog(), random, configuration.sendLimits().allowedCountries(), clock);
    }

    @Singleton
    FactorAdministration factorAdministration(FactorOperations operations) {
        return operations.factors();
    }

    @Singleton
    GuardianEnrollments guardianEnrollments(FactorOperations operations) {
        return operations.enrollments();
    }
}
