package io.twofold.mfa.port.out;

import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogPage;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/** The read side of the {@link AuditLog}: recorded events with their log ids and types. */
public interface AuditEvents {

    /** The entry with this id; none for an unknown one. */
    Option<LogEntry> find(LogId id);

    /** One page of the entries that pass {@code filter}, oldest or newest first, and how many pass in all. */
    LogPage search(LogFilter filter, boolean newestFirst, int offset, int limit);

    /**
     * Up to {@code take} entries recorded after {@code cursor} (from the first one when none), oldest
     * first, stopping before the first entry that occurred at or after {@code settledBefore}: an entry
     * younger than that may still have an older neighbour whose unit of work has not committed yet.
     */
    List<LogEntry> after(Option<LogId> cursor, int take, Instant settledBefore);
}
