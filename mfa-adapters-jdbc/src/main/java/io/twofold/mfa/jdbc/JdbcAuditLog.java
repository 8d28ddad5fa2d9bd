package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.port.out.AuditLog;

/** Audit events in {@code audit_events}; the details map is kept as a small JSON object. */
public final class JdbcAuditLog implements AuditLog {
    private final Handles handles;

    public JdbcAuditLog(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void record(AuditEvent event) {
        handles.withHandle(handle -> AuditRows.insert(handle, event));
    }
}
