package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * Which log entries a search wants; every given condition must hold. {@code since} is inclusive,
 * {@code until} exclusive.
 */
public record LogFilter(Option<String> type, Option<UserId> user, Option<ClientId> client,
                        Option<Instant> since, Option<Instant> until) {

    public static final LogFilter ALL = new LogFilter(Option.none(), Option.none(), Option.none(), Option.none(), Option.none());

    public static LogFilter ofUser(UserId user) {
        return ALL.withUser(user);
    }

    public LogFilter withType(String value) {
        return new LogFilter(Option.of(value), user, client, since, until);
    }

    public LogFilter withUser(UserId value) {
        return new LogFilter(type, Option.of(value), client, since, until);
    }

    public LogFilter withClient(ClientId value) {
        return new LogFilter(type, user, Option.of(value), since, until);
    }

    public LogFilter withSince(Instant value) {
        return new LogFilter(type, user, client, Option.of(value), until);
    }

    public LogFilter withUntil(Instant value) {
        return new LogFilter(type, user, client, since, Option.of(value));
    }

    /** Whether the entry passes: what a store's query must answer too. */
    public boolean matches(LogEntry entry) {
        AuditEvent event = entry.event();
        return type.forAll(t -> t.equals(entry.type()))
                && user.forAll(u -> event.user().contains(u))
                && client.forAll(c -> event.client().contains(c))
                && since.forAll(s -> !event.at().isBefore(s))
                && until.forAll(u -> event.at().isBefore(u));
    }
}
