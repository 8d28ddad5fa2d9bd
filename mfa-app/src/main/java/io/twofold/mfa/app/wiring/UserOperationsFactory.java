package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.port.in.operator.UserAdministration;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.usecase.operator.UserOperations;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The operator's user use cases on the database's stores. */
@Factory
class UserOperationsFactory {

    @Singleton
    UserAdministration userAdministration(JdbcStorage storage, RandomSource random, Clock clock) {
        return UserOperations.of(storage.userAccounts(), storage.authenticators(), storage.transactions(),
                storage.challenges(), storage.refreshTokens(), storage.unitOfWork(), storage.auditLog(), random, clock);
    }
}
