package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.port.in.operator.LogQueries;
import io.twofold.mfa.port.out.AuditEvents;

import java.time.Clock;
import java.time.Duration;

/** Builds the audit-log reading use case from its ports. */
public final class LogOperations {
    /**
     * How old an entry must be before a checkpoint read returns it: longer than any unit of work that
     * records an event should take to commit.
     */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

    private LogOperations() {
    }

    public static LogQueries of(AuditEvents events, Clock clock) {
        return of(events, clock, DEFAULT_SETTLE);
    }

    public static LogQueries of(AuditEvents events, Clock clock, Duration settle) {
        return new LogQueriesService(events, clock, settle);
    }
}
