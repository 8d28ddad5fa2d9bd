package io.twofold.mfa.memory;

import io.twofold.mfa.model.AuditEvent;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryAuditLogTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void keepsOnlyTheNewestEventsWhenBounded() {
        InMemoryAuditLog log = new InMemoryAuditLog(2);

        log.record(event("first"));
        log.record(event("second"));
        log.record(event("third"));

        assertThat(log.events().map(AuditEvent::type)).containsExactly("second", "third");
    }

    @Test
    void keepsEveryEventInOrderByDefault() {
        InMemoryAuditLog log = new InMemoryAuditLog();

        log.record(event("first"));
        log.record(event("second"));

        assertThat(log.eventsOfType("second")).hasSize(1);
        assertThat(log.events().map(AuditEvent::type)).containsExactly("first", "second");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new InMemoryAuditLog(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AuditEvent event(String type) {
        return new AuditEvent(T0, type, Option.none(), Option.none(), HashMap.empty());
    }
}
