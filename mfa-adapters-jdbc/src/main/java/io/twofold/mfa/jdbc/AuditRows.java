package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** How an audit event becomes an {@code audit_events} row: the columns, and their values bound by name. */
final class AuditRows {
    static final String COLUMNS = "occurred_at, event_type, user_id, client_id, details";
    private static final String VALUES = ":at, :type, :user, :client, :details";

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
                .bind("details", JsonObjects.write(event.details()));
    }
}
