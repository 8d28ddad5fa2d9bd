package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshFamilyId;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Refresh tokens in {@code refresh_tokens}, found by the SHA-256 of the token, never the token, and
 * their families in {@code refresh_token_families}, which carry the revocation and the expiries.
 */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {
    private static final RefreshTokenRows ROWS = new RefreshTokenRows();

    /**
     * The one statement that decides a rotation. The token row's lock makes a concurrent rotation of
     * the same token wait and then re-check {@code retired_at}, so exactly one caller retires it; a
     * family revoked before this statement runs stops it. (A revocation that commits after it still
     * wins: the next token belongs to the revoked family, and a revoked family's tokens are dead.)
     */
    private static final String RETIRE = "UPDATE refresh_tokens SET retired_at = :at"
            + " WHERE token_hash = :hash AND retired_at IS NULL AND EXISTS (SELECT 1 FROM refresh_token_families f"
            + " WHERE f.id = refresh_tokens.family_id AND f.revoked_at IS NULL)";

    private final Handles handles;

    public JdbcRefreshTokenStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void open(RefreshFamily family, SecretHash firstToken) {
        handles.inTransaction(handle -> {
            RefreshTokenRows.bindAt(RefreshTokenRows.bindAt(RefreshTokenRows.bindAt(
                    handle.createUpdate("INSERT INTO refresh_token_families (id, user_id, client_id, audience, scope,"
                                    + " mfa_passed, created_at, expires_at, idle_expires_at, revoked_at) VALUES (:id, :user,"
                                    + " :client, :audience, :scope, :mfa, :created, :expires, :idle, :revoked)")
                            .bind("id", family.id().value())
                            .bind("user", family.userId().value())
                            .bind("client", family.clientId().value())
                            .bind("audience", family.audience().getOrNull())
                            .bind("scope", family.scope().toString())
                            .bind("mfa", family.mfaPassed())
                            .bind("created", Sql.at(family.createdAt())),
                    "expires", family.expiresAt()), "idle", family.idleExpiresAt()), "revoked", family.revokedAt())
                    .execute();
            return handle.createUpdate("INSERT INTO refresh_tokens (token_hash, family_id, issued_at)"
                            + " VALUES (:hash, :family, :at)")
                    .bind("hash", firstToken.hex())
                    .bind("family", family.id().value())
                    .bind("at", Sql.at(family.createdAt()))
                    .execute();
        });
    }

    @Override
    public Option<PresentedRefreshToken> find(SecretHash tokenHash) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT t.token_hash, t.family_id, t.retired_at, f.user_id, f.client_id, f.audience, f.scope,"
                                + " f.mfa_passed, f.created_at, f.expires_at, f.idle_expires_at, f.revoked_at"
                                + " FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id"
                                + " WHERE t.token_hash = :hash")
                .bind("hash", tokenHash.hex())
                .map(ROWS)
                .findOne()));
    }

    @Override
    public boolean rotate(SecretHash presented, SecretHash next, Instant at, Option<Instant> idleExpiresAt) {
        return handles.inTransaction(handle -> {
            boolean won = handle.createUpdate(RETIRE)
                    .bind("at", Sql.at(at))
                    .bind("hash", presented.hex())
                    .execute() == 1;
            if (!won) {
                return false;
            }
            handle.createUpdate("INSERT INTO refresh_tokens (token_hash, family_id, issued_at)"
                            + " SELECT :next, family_id, :at FROM refresh_tokens WHERE token_hash = :hash")
                    .bind("next", next.hex())
                    .bind("at", Sql.at(at))
                    .bind("hash", presented.hex())
                    .execute();
            RefreshTokenRows.bindAt(handle.createUpdate("UPDATE refresh_token_families SET idle_expires_at = :idle"
                                    + " WHERE id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)")
                            .bind("hash", presented.hex()),
                    "idle", idleExpiresAt)
                    .execute();
            return true;
        });
    }

    @Override
    public boolean touch(RefreshFamilyId family, Option<Instant> idleExpiresAt) {
        return handles.withHandle(handle -> RefreshTokenRows.bindAt(handle.createUpdate(
                                "UPDATE refresh_token_families SET idle_expires_at = :idle WHERE id = :id AND revoked_at IS NULL")
                        .bind("id", family.value()), "idle", idleExpiresAt)
                .execute()) == 1;
    }

    @Override
    public boolean revokeFamily(RefreshFamilyId family, Instant at) {
        // Conditional, so of concurrent revocations one reports (and audits) it.
        return handles.withHandle(handle -> handle.createUpdate(
                        "UPDATE refresh_token_families SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", Sql.at(at))
                .bind("id", family.value())
                .execute()) == 1;
    }

    @Override
    public int revokeUser(UserId user, Instant at) {
        return handles.withHandle(handle -> handle.createUpdate(
                        "UPDATE refresh_token_families SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL")
                .bind("at", Sql.at(at))
                .bind("user", user.value())
                .execute());
    }

    @Override
    public int removeExpired(Instant cutoff) {
        // The tokens go with their family (ON DELETE CASCADE).
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM refresh_token_families"
                        + " WHERE expires_at < :cutoff OR idle_expires_at < :cutoff OR revoked_at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
    }
}
