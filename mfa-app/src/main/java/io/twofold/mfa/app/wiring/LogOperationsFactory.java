package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.port.in.operator.LogQueries;
import io.twofold.mfa.usecase.operator.LogOperations;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The audit log's read side for {@code /api/v2/logs}, on the database every node writes to. */
@Factory
class LogOperationsFactory {

    @Singleton
    LogQueries logQueries(JdbcStorage storage, Clock clock) {
        return LogOperations.of(storage.auditLog(), clock);
    }
}
