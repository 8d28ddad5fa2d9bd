package io.twofold.mfa.fake;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.List;

import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AuditLog} that keeps every event, in order, for tests to read back. */
public final class InMemoryAuditLog implements AuditLog {

    private final CopyOnWriteArrayList<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    /** Every event recorded so far, oldest first. */
    public List<AuditEvent> events() {
        return List.ofAll(events);
    }

    /** The recorded events of one type, oldest first. */
    public List<AuditEvent> eventsOfType(String type) {
        return events().filter(event -> event.type().equals(type));
    }

    public void clear() {
        events.clear();
    }
}
