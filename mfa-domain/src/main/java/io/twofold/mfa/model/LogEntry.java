package io.twofold.mfa.model;

/** An audit event as the log keeps it: its id, its Auth0 log type ({@link LogTypes}) and the event. */
public record LogEntry(LogId id, String type, AuditEvent event) {
}
