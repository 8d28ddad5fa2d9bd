package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogTypes;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How an audit event becomes an {@code audit_events} row (the columns, their values bound by name) and a log entry again. */
final class AuditRows {
    static final String COLUMNS = "occurred_at, event_type, user_id, client_id, details, log_type";
    private static final String VALUES = ":at, :type, :user, :client, :details, :logType";
    /** The columns a log entry is read from. */
    static final String SELECTED = "id, " + COLUMNS;

    private AuditRows() {
    }

    /** Inserts the event's row. */
    static int insert(Handle handle, AuditEvent event) {
        return bind(handle.createUpdate("INSERT INTO audit_events (" + COLUMNS + ") VALUES (" + VALUES + ")"), event)
                .execute();
    }

    static Update bind(Update update, AuditEvent event) {
        return update
                .bind("at", Sql.at(event.at()))
                .bind("type", event.type())
                .bind("user", event.user().map(UserId::value).getOrNull())
                .bind("client", event.client().map(ClientId::value).getOrNull())
                .bind("details", JsonObjects.write(event.details()))
                .bind("logType", LogTypes.codeOrType(event));
    }

    /** The entry a row selected by {@link #SELECTED} holds; a row from before log types has its type worked out. */
    static LogEntry entry(ResultSet rs, StatementContext context) throws SQLException {
        AuditEvent event = new AuditEvent(Sql.instant(rs, "occurred_at"), rs.getString("event_type"),
                Option.of(rs.getString("user_id")).map(UserId::new), Option.of(rs.getString("client_id")).map(ClientId::new),
                JsonObjects.read(rs.getString("details")));
        String type = Option.of(rs.getString("log_type")).getOrElse(() -> LogTypes.codeOrType(event));
        return new LogEntry(new LogId(rs.getLong("id")), type, event);
    }
}
