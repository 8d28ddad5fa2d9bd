package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/** MFA transactions in {@code mfa_transactions}, found by the SHA-256 of the {@code mfa_token}, never the token. */
public final class JdbcTransactionStore implements TransactionStore {
    private static final TransactionRows ROWS = new TransactionRows("");

    /**
     * PostgreSQL: the completion and its audit rows in one statement (one round trip), the INSERT
     * fed by the UPDATE's RETURNING, so the rows exist exactly when the flag flipped. H2 has no
     * data-modifying WITH; there the UPDATE and one multi-row INSERT run in the caller's unit of work.
     */
    private static String completeAndAudit(int events) {
        return "WITH done AS (UPDATE mfa_transactions SET completed = TRUE WHERE id = :id AND completed = FALSE RETURNING id)"
                + " INSERT INTO audit_events (" + AuditRows.COLUMNS + ") "
                + List.range(0, events).map(i -> "SELECT " + AuditRows.values(i) + " FROM done").mkString(" UNION ALL ");
    }

    private final Handles handles;
    private final boolean writableWith;

    /** @param writableWith whether the database runs an UPDATE inside WITH (PostgreSQL does, H2 does not) */
    public JdbcTransactionStore(Handles handles, boolean writableWith) {
        this.handles = handles;
        this.writableWith = writableWith;
    }

    @Override
    public void add(MfaTransaction t) {
        try {
            handles.withHandle(handle -> handle.createUpdate("INSERT INTO mfa_transactions"
                            + " (id, token_hash, user_id, client_id, audience, scope, realm, created_at, expires_at,"
                            + " failed_attempts, completed) VALUES (:id, :tokenHash, :user, :client, :audience, :scope,"
                            + " :realm, :created, :expires, :failed, :completed)")
                    .bind("id", t.id().value())
                    .bind("tokenHash", t.tokenHash().hex())
                    .bind("user", t.userId().value())
                    .bind("client", t.clientId().value())
                    .bind("audience", t.audience().getOrNull())
                    .bind("scope", t.scope().toString())
                    .bind("realm", t.realm().getOrNull())
                    .bind("created", Sql.at(t.createdAt()))
                    .bind("expires", Sql.at(t.expiresAt()))
                    .bind("failed", t.failedAttempts())
                    .bind("completed", t.completed())
                    .execute());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new IllegalStateException("duplicate transaction " + t.id() + " (id or token hash)", e);
            }
            throw e;
        }
    }

    @Override
    public Option<MfaTransaction> findByTokenHash(SecretHash tokenHash) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT * FROM mfa_transactions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash.hex())
                .map(ROWS)
                .findOne()));
    }

    @Override
    public boolean complete(TransactionId id, List<AuditEvent> completion) {
        if (writableWith && !completion.isEmpty()) {
            return handles.withHandle(handle -> AuditRows.bind(handle.createUpdate(completeAndAudit(completion.size())), completion)
                    .bind("id", id.value())
                    .execute()) > 0;
        }
        // Only the grant whose UPDATE flips the flag completes the transaction, and records it.
        return handles.inTransaction(handle -> {
            boolean won = handle.createUpdate("UPDATE mfa_transactions SET completed = TRUE WHERE id = :id AND completed = FALSE")
                    .bind("id", id.value())
                    .execute() == 1;
            if (won && !completion.isEmpty()) {
                AuditRows.insert(handle, completion);
            }
            return won;
        });
    }

    /**
     * On PostgreSQL one statement: the bucket's compare-and-set, the completion's, and the audit rows
     * fed by the completion's RETURNING. The bucket is saved whether or not the completion wins, as
     * the two calls would.
     */
    @Override
    public Completion complete(TransactionId id, List<AuditEvent> completion, BucketWrite alongside) {
        if (completion.isEmpty() || !sharesStatementsWith(alongside.store())) {
            return TransactionStore.super.complete(id, completion, alongside);
        }
        String sql = "WITH saved AS (" + JdbcAttemptCounterStore.compareAndSetReturning(alongside.bucket(), Option.none()) + "),"
                + " done AS (UPDATE mfa_transactions SET completed = TRUE WHERE id = :id AND completed = FALSE RETURNING id),"
                + " audited AS (INSERT INTO audit_events (" + AuditRows.COLUMNS + ") "
                + List.range(0, completion.size()).map(i -> "SELECT " + AuditRows.values(i) + " FROM done").mkString(" UNION ALL ")
                + " RETURNING id)"
                + " SELECT (SELECT COUNT(*) FROM done) AS completed, (SELECT COUNT(*) FROM saved) AS saved";
        return handles.withHandle(handle -> AuditRows.bind(
                        JdbcAttemptCounterStore.bindCompareAndSet(handle.createQuery(sql), alongside.bucket()), completion)
                .bind("id", id.value())
                .map((rs, ctx) -> new Completion(rs.getLong("completed") == 1, rs.getLong("saved") == 1))
                .one());
    }

    /** Whether a write of {@code buckets} can join one of this store's statements: PostgreSQL, the same database. */
    private boolean sharesStatementsWith(AttemptCounterStore buckets) {
        return writableWith && buckets instanceof JdbcAttemptCounterStore same && same.writesThrough(handles);
    }

    @Override
    public boolean reserveAttempt(TransactionId id, int budget) {
        // The limit sits in the WHERE clause: the row lock this UPDATE takes makes a concurrent one
        // wait, then re-read the count, so no two callers both take the last attempt.
        return handles.withHandle(handle -> handle.createUpdate("UPDATE mfa_transactions"
                        + " SET failed_attempts = failed_attempts + 1 WHERE id = :id AND failed_attempts < :budget")
                .bind("id", id.value())
                .bind("budget", budget)
                .execute()) == 1;
    }

    /**
     * On PostgreSQL one statement: the attempt counted on the transaction and, fed by its RETURNING,
     * the user's bucket saved by compare-and-set, so a grant pays one round trip for both. The same
     * order and conditions as the two calls: the bucket is saved only once the attempt is counted.
     */
    @Override
    public Reservation reserveAttempt(TransactionId id, int budget, AttemptBucket charged, AttemptCounterStore buckets) {
        if (!sharesStatementsWith(buckets)) {
            return TransactionStore.super.reserveAttempt(id, budget, charged, buckets);
        }
        String sql = "WITH counted AS (UPDATE mfa_transactions SET failed_attempts = failed_attempts + 1"
                + " WHERE id = :id AND failed_attempts < :budget RETURNING id),"
                + " saved AS (" + JdbcAttemptCounterStore.compareAndSetReturning(charged, Option.some("counted")) + ")"
                + " SELECT (SELECT COUNT(*) FROM counted) AS counted, (SELECT COUNT(*) FROM saved) AS saved";
        return handles.withHandle(handle -> JdbcAttemptCounterStore.bindCompareAndSet(handle.createQuery(sql), charged)
                .bind("id", id.value())
                .bind("budget", budget)
                .map((rs, ctx) -> rs.getLong("counted") == 0 ? Reservation.SPENT
                        : rs.getLong("saved") == 1 ? Reservation.RESERVED : Reservation.COUNTED_BUCKET_CHANGED)
                .one());
    }

    @Override
    public int removeByUser(UserId user) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM mfa_transactions WHERE user_id = :user")
                .bind("user", user.value())
                .execute());
    }

    @Override
    public int removeExpired(Instant cutoff) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM mfa_transactions WHERE expires_at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
    }
}
