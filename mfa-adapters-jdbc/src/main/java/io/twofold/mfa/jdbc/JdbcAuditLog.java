package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuditLog;

/** Audit events in {@code audit_events}; the details map is kept as a small JSON object. */
public final class JdbcAuditLog implements AuditLog {
    private final Handles handles;

    public JdbcAuditLog(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void record(AuditEvent event) {
        handles.withHandle(handle -> handle.createUpdate("INSERT INTO audit_events"
                        + " (occurred_at, event_type, user_id, client_id, details)"
                        + " VALUES (:at, :type, :user, :client, :details)")
                .bind("at", Sql.at(event.at()))
                .bind("type", event.type())
                .bind("user", event.user().map(UserId::value).getOrNull())
                .bind("client", event.client().map(ClientId::value).getOrNull())
                .bind("details", JsonObjects.write(event.details()))
                .execute());
    }
}
