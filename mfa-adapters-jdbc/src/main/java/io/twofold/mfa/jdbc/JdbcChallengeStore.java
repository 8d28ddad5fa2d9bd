package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.ChallengeStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/** Out-of-band challenges in {@code oob_challenges}; the oob code and the binding code are kept only as hashes. */
public final class JdbcChallengeStore implements ChallengeStore {
    private static final ChallengeRows ROWS = new ChallengeRows("");

    private final Handles handles;

    public JdbcChallengeStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void add(OobChallenge c) {
        try {
            handles.withHandle(handle -> handle.createUpdate("INSERT INTO oob_challenges"
                            + " (id, code_hash, binding_hash, authenticator_id, user_id, created_at, expires_at,"
                            + " failed_attempts, consumed) VALUES (:id, :codeHash, :bindingHash, :authenticator, :user,"
                            + " :created, :expires, :failed, :consumed)")
                    .bind("id", c.id().value())
                    .bind("codeHash", c.oobCodeHash().hex())
                    .bind("bindingHash", c.bindingCodeHash().hex())
                    .bind("authenticator", c.authenticatorId().value())
                    .bind("user", c.userId().value())
                    .bind("created", Sql.at(c.createdAt()))
                    .bind("expires", Sql.at(c.expiresAt()))
                    .bind("failed", c.failedAttempts())
                    .bind("consumed", c.consumed())
                    .execute());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new IllegalStateException("duplicate challenge " + c.id() + " (id or code hash)", e);
            }
            throw e;
        }
    }

    @Override
    public Option<OobChallenge> findByCodeHash(SecretHash oobCodeHash) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT * FROM oob_challenges WHERE code_hash = :codeHash")
                .bind("codeHash", oobCodeHash.hex())
                .map(ROWS)
                .findOne()));
    }

    @Override
    public boolean consume(ChallengeId id) {
        // Compare-and-set on the flag: one verification wins, every other sees zero rows.
        return handles.withHandle(handle -> handle.createUpdate(
                        "UPDATE oob_challenges SET consumed = TRUE WHERE id = :id AND consumed = FALSE")
                .bind("id", id.value())
                .execute()) == 1;
    }

    @Override
    public boolean reserveAttempt(ChallengeId id, int budget) {
        // As for transactions: the limit in the WHERE clause, decided under the UPDATE's row lock.
        return handles.withHandle(handle -> handle.createUpdate("UPDATE oob_challenges"
                        + " SET failed_attempts = failed_attempts + 1 WHERE id = :id AND failed_attempts < :budget")
                .bind("id", id.value())
                .bind("budget", budget)
                .execute()) == 1;
    }

    @Override
    public int removeByUser(UserId user) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM oob_challenges WHERE user_id = :user")
                .bind("user", user.value())
                .execute());
    }

    @Override
    public int removeByAuthenticators(List<AuthenticatorId> authenticators) {
        if (authenticators.isEmpty()) {
            return 0;
        }
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM oob_challenges WHERE authenticator_id IN (<ids>)")
                .bindList("ids", authenticators.map(AuthenticatorId::value).distinct().toJavaList())
                .execute());
    }

    @Override
    public int removeExpired(Instant cutoff) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM oob_challenges WHERE expires_at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
    }
}
