package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.port.in.operator.GuardianAdministration;
import io.twofold.mfa.usecase.operator.GuardianOperations;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The factor switches and MFA policies for {@code /api/v2/guardian}, in the database every node reads. */
@Factory
class GuardianOperationsFactory {

    @Singleton
    GuardianAdministration guardianAdministration(JdbcStorage storage, Clock clock) {
        return GuardianOperations.of(storage.tenantPolicy(), storage.unitOfWork(), storage.auditLog(), clock);
    }
}
