package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * Records audit events with ids and outcomes only. Callers pass internal ids, authenticator ids and
 * outcome names, never a token, code, seed or password: that is why this takes only plain pairs.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(String type, Option<UserId> user, Option<ClientId> client, String... keyValues) {
        log.record(event(type, user, client, keyValues));
    }

    public void record(String type, UserId user, ClientId client, String... keyValues) {
        record(type, Option.of(user), Option.of(client), keyValues);
    }

    /** The event {@link #record} would record now, for a store that records it as part of a change. */
    public AuditEvent event(String type, UserId user, ClientId client, String... keyValues) {
        return event(type, Option.of(user), Option.of(client), keyValues);
    }

    private AuditEvent event(String type, Option<UserId> user, Option<ClientId> client, String... keyValues) {
        Map<String, String> details = LinkedHashMap.empty();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            details = details.put(keyValues[i], keyValues[i + 1]);
        }
        return new AuditEvent(clock.instant(), type, user, client, details);
    }
}
