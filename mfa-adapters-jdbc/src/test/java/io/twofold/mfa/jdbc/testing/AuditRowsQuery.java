package io.twofold.mfa.jdbc.testing;

import io.twofold.mfa.jdbc.JdbcStorage;

/** Reads {@code audit_events} back for assertions. */
public final class AuditRowsQuery {
    private AuditRowsQuery() {
    }

    /** How many events of {@code type} name the transaction in their details. */
    public static long count(JdbcStorage storage, String type, String transactionId) {
        return storage.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_events WHERE event_type = :type AND details LIKE :transaction")
                .bind("type", type)
                .bind("transaction", "%\"transaction\":\"" + transactionId + "\"%")
                .mapTo(Long.class)
                .one());
    }
}
