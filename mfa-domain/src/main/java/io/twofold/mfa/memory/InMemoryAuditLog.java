package io.twofold.mfa.memory;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.List;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AuditLog} in memory, oldest event first: every event, or the newest {@code capacity} of
 * them so a long-running host does not grow without bound. Lost on restart: a host that must keep its
 * audit trail records it elsewhere (its own {@link AuditLog}, or the JDBC adapter's).
 */
public final class InMemoryAuditLog implements AuditLog {

    private final ConcurrentLinkedDeque<AuditEvent> events = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

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

    @Override
    public void record(AuditEvent event) {
        events.addLast(event);
        if (size.incrementAndGet() > capacity && events.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** Every event kept so far, oldest first. */
    public List<AuditEvent> events() {
        return List.ofAll(events);
    }

    /** The kept events of one type, oldest first. */
    public List<AuditEvent> eventsOfType(String type) {
        return events().filter(event -> event.type().equals(type));
    }

    /** Forgets every event. */
    public void clear() {
        events.clear();
        size.set(0);
    }
}
