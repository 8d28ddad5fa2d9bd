package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogPage;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuditEvents;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;

/**
 * Audit events in {@code audit_events}, and their read side; the details map is kept as a small JSON
 * object, the Auth0 log type in its own indexed column. The row's sequence id is the log id.
 */
public final class JdbcAuditLog implements AuditLog, AuditEvents {
    private final Handles handles;

    public JdbcAuditLog(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void record(AuditEvent event) {
        handles.withHandle(handle -> AuditRows.insert(handle, event));
    }

    @Override
    public Option<LogEntry> find(LogId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT " + AuditRows.SELECTED + " FROM audit_events WHERE id = :id")
                .bind("id", id.sequence())
                .map(AuditRows::entry)
                .findOne()));
    }

    @Override
    public LogPage search(LogFilter filter, boolean newestFirst, int offset, int limit) {
        String where = where(filter);
        return handles.withHandle(handle -> {
            List<LogEntry> entries = List.ofAll(bind(handle.createQuery("SELECT " + AuditRows.SELECTED
                            + " FROM audit_events" + where + " ORDER BY id " + (newestFirst ? "DESC" : "ASC")
                            + " LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(AuditRows::entry)
                    .list());
            long total = bind(handle.createQuery("SELECT COUNT(*) FROM audit_events" + where), filter)
                    .mapTo(Long.class)
                    .one();
            return new LogPage(entries, total);
        });
    }

    @Override
    public List<LogEntry> after(Option<LogId> cursor, int take, Instant settledBefore) {
        // Ids are taken at INSERT but seen at COMMIT: only the settled prefix is safe to move past.
        return handles.withHandle(handle -> List.ofAll(handle.createQuery("SELECT " + AuditRows.SELECTED
                        + " FROM audit_events WHERE id > :cursor ORDER BY id LIMIT :take")
                .bind("cursor", cursor.map(LogId::sequence).getOrElse(0L))
                .bind("take", take)
                .map(AuditRows::entry)
                .list()))
                .takeWhile(entry -> entry.event().at().isBefore(settledBefore));
    }

    private static String where(LogFilter filter) {
        List<String> conditions = List.of(
                filter.type().map(t -> "log_type = :type"),
                filter.user().map(u -> "user_id = :user"),
                filter.client().map(c -> "client_id = :client"),
                filter.since().map(s -> "occurred_at >= :since"),
                filter.until().map(u -> "occurred_at < :until")).flatMap(o -> o);
        return conditions.isEmpty() ? "" : " WHERE " + conditions.mkString(" AND ");
    }

    private static <S extends SqlStatement<S>> S bind(S statement, LogFilter filter) {
        filter.type().forEach(t -> statement.bind("type", t));
        filter.user().forEach(u -> statement.bind("user", u.value()));
        filter.client().forEach(c -> statement.bind("client", c.value()));
        filter.since().forEach(s -> statement.bind("since", Sql.at(s)));
        filter.until().forEach(u -> statement.bind("until", Sql.at(u)));
        return statement;
    }
}
