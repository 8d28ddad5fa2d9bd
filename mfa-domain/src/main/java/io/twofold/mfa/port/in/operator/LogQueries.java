package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogPage;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Reading the audit log as Auth0's log events ({@code /api/v2/logs}). */
public interface LogQueries {

    /** The entry with this log id; {@link OperatorError.UnknownLogEvent} for an unknown or malformed id. */
    Either<OperatorError, LogEntry> find(String logId);

    /** One page ({@code offset}, {@code limit}) of the entries that pass {@code filter}, and their total. */
    LogPage search(LogFilter filter, boolean newestFirst, int offset, int limit);

    /**
     * Up to {@code take} settled entries after the checkpoint {@code from} (from the oldest when none),
     * oldest first: paging on from the last one returned sees every entry exactly once.
     */
    Either<OperatorError, List<LogEntry>> after(Option<String> from, int take);
}
