package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;

/**
 * Versioned token buckets in {@code attempt_buckets}. A write names the version it read; the row
 * count of the conditional statement tells the caller whether it won or must re-read and retry.
 */
public final class JdbcAttemptCounterStore implements AttemptCounterStore {
    private static final BucketRows ROWS = new BucketRows("");

    private final Handles handles;

    public JdbcAttemptCounterStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Option<AttemptBucket> find(String key) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT * FROM attempt_buckets WHERE bucket_key = :key")
                .bind("key", key)
                .map(ROWS)
                .findOne()));
    }

    @Override
    public boolean compareAndSet(AttemptBucket next) {
        return next.version() == 1 ? insertFirst(next) : updateFrom(next);
    }

    /** Whether this store writes through {@code other}, that is to the same database in the same unit of work. */
    boolean writesThrough(Handles other) {
        return handles == other;
    }

    /**
     * A statement that saves {@code next} as {@link #compareAndSet} does, returning the saved key; with
     * a {@code guard}, only when that common table expression returned a row. For a store that makes
     * its own write and this one a single statement (PostgreSQL's data-modifying WITH).
     */
    static String compareAndSetReturning(AttemptBucket next, Option<String> guard) {
        return next.version() == 1
                ? "INSERT INTO attempt_buckets (bucket_key, tokens, refilled_at, consecutive_failures, bucket_version)"
                        + " SELECT :key, :tokens, CAST(:refilled AS TIMESTAMP WITH TIME ZONE), :failures, 1"
                        + guard.map(g -> " FROM " + g).getOrElse("") + " ON CONFLICT DO NOTHING RETURNING bucket_key"
                : "UPDATE attempt_buckets SET tokens = :tokens, refilled_at = :refilled, consecutive_failures = :failures,"
                        + " bucket_version = :version WHERE bucket_key = :key AND bucket_version = :previous"
                        + guard.map(g -> " AND EXISTS (SELECT 1 FROM " + g + ")").getOrElse("") + " RETURNING bucket_key";
    }

    /** Binds what {@link #compareAndSetReturning} names. */
    static <S extends SqlStatement<S>> S bindCompareAndSet(S statement, AttemptBucket next) {
        statement.bind("key", next.key())
                .bind("tokens", next.tokens())
                .bind("refilled", Sql.at(next.refilledAt()))
                .bind("failures", next.consecutiveFailures());
        return next.version() == 1 ? statement : statement.bind("version", next.version()).bind("previous", next.version() - 1);
    }

    private boolean insertFirst(AttemptBucket first) {
        // ON CONFLICT DO NOTHING rather than catching a duplicate key: on PostgreSQL a failed
        // INSERT would abort the caller's whole unit of work. H2 accepts it in PostgreSQL mode.
        try {
            return handles.withHandle(handle -> handle.createUpdate("INSERT INTO attempt_buckets"
                            + " (bucket_key, tokens, refilled_at, consecutive_failures, bucket_version)"
                            + " VALUES (:key, :tokens, :refilled, :failures, 1) ON CONFLICT DO NOTHING")
                    .bind("key", first.key())
                    .bind("tokens", first.tokens())
                    .bind("refilled", Sql.at(first.refilledAt()))
                    .bind("failures", first.consecutiveFailures())
                    .execute()) == 1;
        } catch (RuntimeException e) {
            // H2 can still report a duplicate when two inserts race; a failed statement there
            // leaves its transaction usable, and the loser simply did not win.
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean updateFrom(AttemptBucket next) {
        return handles.withHandle(handle -> bindCompareAndSet(handle.createUpdate("UPDATE attempt_buckets"
                        + " SET tokens = :tokens, refilled_at = :refilled, consecutive_failures = :failures,"
                        + " bucket_version = :version WHERE bucket_key = :key AND bucket_version = :previous"), next)
                .execute()) == 1;
    }

    @Override
    public int removeIdle(String keyPrefix, Instant refilledBefore) {
        // No index on refilled_at on purpose: it would cost every attempt write, while purging keeps
        // this table to recently active users, so the periodic scan stays small.
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM attempt_buckets"
                        + " WHERE bucket_key LIKE :pattern ESCAPE '!' AND consecutive_failures = 0"
                        + " AND refilled_at < :before")
                .bind("pattern", likePrefix(keyPrefix))
                .bind("before", Sql.at(refilledBefore))
                .execute());
    }

    /**
     * The prefix as a LIKE pattern matching itself literally, then anything. The escape is '!', not a
     * backslash, which PostgreSQL string settings and JDBI's statement parser read differently.
     */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
