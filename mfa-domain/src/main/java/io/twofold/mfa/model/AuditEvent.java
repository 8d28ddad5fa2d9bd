package io.twofold.mfa.model;

import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Instant;

/** Something security-relevant that happened, with ids and outcomes but never a secret. */
public record AuditEvent(Instant at, String type, Option<UserId> user, Option<ClientId> client, Map<String, String> details) {
}
