package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogPage;
import io.twofold.mfa.port.in.operator.LogQueries;
import io.twofold.mfa.port.out.AuditEvents;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;

/**
 * Reads the audit log. A checkpoint read leaves out entries younger than {@code settle}: ids are taken
 * when an event is written but seen when its unit of work commits, so a younger entry may still have
 * an older neighbour in flight, and a reader that moved past it would never see that neighbour.
 */
record LogQueriesService(AuditEvents events, Clock clock, Duration settle) implements LogQueries {

    @Override
    public Either<OperatorError, LogEntry> find(String logId) {
        return LogId.parse(logId).flatMap(events::find).toEither(OperatorError.UnknownLogEvent::new);
    }

    @Override
    public LogPage search(LogFilter filter, boolean newestFirst, int offset, int limit) {
        return events.search(filter, newestFirst, offset, limit);
    }

    @Override
    public Either<OperatorError, List<LogEntry>> after(Option<String> from, int take) {
        Option<String> given = from.filter(f -> !f.isEmpty());
        Option<LogId> cursor = given.flatMap(LogId::parse);
        if (given.isDefined() && cursor.isEmpty()) {
            return Either.left(new OperatorError.InvalidInput("from must be a log id (decimal digits)"));
        }
        return Either.right(events.after(cursor, take, clock.instant().minus(settle)));
    }
}
