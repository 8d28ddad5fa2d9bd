package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The token-signing keys in {@code signing_keys}, each private JWK sealed with its key id as
 * associated data. Each algorithm's current key has a slot, the primary key: {@code current} for
 * RS256 (the name it had before ES256 came), {@code current-ES256} for ES256. The first node's save
 * is the only one, and a rotation is one compare-and-set on the slot. A retired key's slot is its kid.
 */
public final class JdbcSigningKeyStore implements SigningKeyStore {
    private static final String COLUMNS = "kid, alg, seal_key_id, sealed, created_at, retired_at";

    private final Handles handles;
    private final Sealer sealer;
    private final SigningKeyRows rows;

    public JdbcSigningKeyStore(Handles handles, Sealer sealer) {
        this.handles = handles;
        this.sealer = sealer;
        this.rows = new SigningKeyRows(sealer, "");
    }

    /** The slot of {@code algorithm}'s current key. */
    static String currentSlot(SigningAlgorithm algorithm) {
        return algorithm == SigningAlgorithm.RS256 ? "current" : "current-" + algorithm.name();
    }

    @Override
    public Option<SigningKey> current(SigningAlgorithm algorithm) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT " + COLUMNS + " FROM signing_keys WHERE slot = :slot")
                .bind("slot", currentSlot(algorithm))
                .map(rows)
                .findOne()))
                .map(KeptSigningKey::key);
    }

    @Override
    public boolean saveIfAbsent(SigningKey key) {
        try {
            return handles.withHandle(handle -> insertCurrent(handle, key));
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<KeptSigningKey> all() {
        return handles.withHandle(handle -> List.ofAll(handle.createQuery("SELECT " + COLUMNS + " FROM signing_keys"
                        + " ORDER BY CASE slot WHEN :rs256 THEN 0 WHEN :es256 THEN 1 ELSE 2 END, retired_at DESC,"
                        + " CASE alg WHEN :rs256alg THEN 0 ELSE 1 END, kid")
                .bind("rs256", currentSlot(SigningAlgorithm.RS256))
                .bind("rs256alg", SigningAlgorithm.RS256.name())
                .bind("es256", currentSlot(SigningAlgorithm.ES256))
                .map(rows)
                .list()));
    }

    @Override
    public boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at) {
        try {
            return handles.inTransaction(handle -> {
                // The compare-and-set: of two rotations from the same key, the second finds the slot
                // already moved (PostgreSQL re-checks the row after waiting for the first) and changes nothing.
                int retired = handle.createUpdate("UPDATE signing_keys SET slot = kid, retired_at = :at"
                                + " WHERE slot = :slot AND kid = :expected")
                        .bind("at", Sql.at(at))
                        .bind("slot", currentSlot(next.algorithm()))
                        .bind("expected", expectedCurrentKeyId)
                        .execute();
                if (retired != 1) {
                    return false;
                }
                if (!insertCurrent(handle, next)) {
                    throw new RotationLost();
                }
                return true;
            });
        } catch (RotationLost e) {
            return false;
        } catch (RuntimeException e) {
            // A kid already kept, or a rotation that raced ours to the slot: nothing was changed.
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int dropRetiredBefore(Instant cutoff) {
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
    }

    /** Rolls a rotation back whose new key could not take the slot (its kid is kept already). */
    private static final class RotationLost extends RuntimeException {
        RotationLost() {
            super("the signing-key rotation lost its slot", null, false, false);
        }
    }

    private boolean insertCurrent(Handle handle, SigningKey key) {
        byte[] jwk = key.privateJwkJson().getBytes(StandardCharsets.UTF_8);
        Sealed sealed = sealer.seal(jwk, SigningKeyRows.owner(key.keyId()));
        return handle.createUpdate("INSERT INTO signing_keys"
                        + " (slot, kid, alg, seal_key_id, sealed, created_at)"
                        + " VALUES (:slot, :kid, :alg, :keyId, :sealed, :created)"
                        + " ON CONFLICT DO NOTHING")
                .bind("slot", currentSlot(key.algorithm()))
                .bind("kid", key.keyId())
                .bind("alg", key.algorithm().name())
                .bind("keyId", sealed.keyId())
                .bind("sealed", sealed.nonceAndCiphertext())
                .bind("created", Sql.at(key.createdAt()))
                .execute() == 1;
    }
}
