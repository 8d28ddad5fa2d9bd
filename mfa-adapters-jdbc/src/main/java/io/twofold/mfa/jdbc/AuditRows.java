package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogTypes;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How an audit event becomes an {@code audit_events} row (the columns, their values bound by name) and a log entry again. */
final class AuditRows {
    static final String COLUMNS = "occurred_at, event_type, user_id, client_id, details, log_type";
    /** The columns a log entry is read from. */
    static final String SELECTED = "id, " + COLUMNS;

    private AuditRows() {
    }

    /** Inserts the event's row. */
    static int insert(Handle handle, AuditEvent event) {
        return insert(handle, List.of(event));
    }

    /** Inserts the events' rows in one statement (one round trip, however many). */
    static int insert(Handle handle, List<AuditEvent> events) {
        String rows = List.range(0, events.size()).map(i -> "(" + values(i) + ")").mkString(", ");
        return bind(handle.createUpdate("INSERT INTO audit_events (" + COLUMNS + ") VALUES " + rows), events).execute();
    }

    /**
     * The values of the {@code i}-th row, as named parameters; {@code occurred_at} cast, for a SELECT
     * whose columns the database cannot type from the INSERT's.
     */
    static String values(int i) {
        return "CAST(:at" + i + " AS TIMESTAMP WITH TIME ZONE), :type" + i + ", :user" + i + ", :client" + i
                + ", :details" + i + ", :logType" + i;
    }

    /** Binds each event to the parameters of {@link #values} for its position. */
    static <S extends SqlStatement<S>> S bind(S statement, List<AuditEvent> events) {
        events.zipWithIndex().forEach(indexed -> {
            AuditEvent event = indexed._1;
            int i = indexed._2;
            statement.bind("at" + i, Sql.at(event.at()))
                    .bind("type" + i, event.type())
                    .bind("user" + i, event.user().map(UserId::value).getOrNull())
                    .bind("client" + i, event.client().map(ClientId::value).getOrNull())
                    .bind("details" + i, JsonObjects.write(event.details()))
                    .bind("logType" + i, LogTypes.codeOrType(event));
        });
        return statement;
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
