package io.twofold.mfa.memory;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogPage;
import io.twofold.mfa.model.LogTypes;
import io.twofold.mfa.port.out.AuditEvents;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AuditLog} in memory, oldest event first, and its read side: every event, or the newest
 * {@code capacity} of them so a long-running host does not grow without bound. Lost on restart: a
 * host that must keep its audit trail records it elsewhere (its own {@link AuditLog}, or the JDBC
 * adapter's).
 */
public final class InMemoryAuditLog implements AuditLog, AuditEvents {

    private final ConcurrentLinkedDeque<LogEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private long sequence;

    /** Keeps every event. */
    public InMemoryAuditLog() {
        this(Integer.MAX_VALUE);
    }

    /** Keeps the newest {@code capacity} events, dropping the oldest. */
    public InMemoryAuditLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an audit log keeps at least one event");
        }
        this.capacity = capacity;
    }

    /** Numbered and appended under one lock, so ids grow in the deque's order, as checkpoints need. */
    @Override
    public synchronized void record(AuditEvent event) {
        entries.addLast(new LogEntry(new LogId(++sequence), LogTypes.codeOrType(event), event));
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    @Override
    public Option<LogEntry> find(LogId id) {
        return List.ofAll(entries).find(entry -> entry.id().equals(id));
    }

    @Override
    public LogPage search(LogFilter filter, boolean newestFirst, int offset, int limit) {
        List<LogEntry> matching = List.ofAll(entries).filter(filter::matches);
        List<LogEntry> ordered = newestFirst ? matching.reverse() : matching;
        return new LogPage(ordered.drop(offset).take(limit), matching.size());
    }

    @Override
    public List<LogEntry> after(Option<LogId> cursor, int take, Instant settledBefore) {
        return List.ofAll(entries)
                .filter(entry -> cursor.forAll(c -> entry.id().compareTo(c) > 0))
                .takeWhile(entry -> entry.event().at().isBefore(settledBefore))
                .take(take);
    }

    /** Every event kept so far, oldest first. */
    public List<AuditEvent> events() {
        return List.ofAll(entries).map(LogEntry::event);
    }

    /** The kept events of one type, oldest first. */
    public List<AuditEvent> eventsOfType(String type) {
        return events().filter(event -> event.type().equals(type));
    }

    /** Forgets every event. */
    public synchronized void clear() {
        entries.clear();
        size.set(0);
    }
}
