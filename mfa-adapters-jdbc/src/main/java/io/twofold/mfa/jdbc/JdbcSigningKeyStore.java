package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;

/**
 * The token-signing key in {@code signing_keys}, its private JWK sealed with the key id as
 * associated data. The primary key on the slot makes the first node's save the only one.
 */
public final class JdbcSigningKeyStore implements SigningKeyStore {
    private static final String CURRENT = "current";

    private final Handles handles;
    private final Sealer sealer;
    private final SigningKeyRows rows;

    public JdbcSigningKeyStore(Handles handles, Sealer sealer) {
        this.handles = handles;
        this.sealer = sealer;
        this.rows = new SigningKeyRows(sealer, "");
    }

    @Override
    public Option<SigningKey> current() {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT kid, seal_key_id, sealed, created_at FROM signing_keys WHERE slot = :slot")
                .bind("slot", CURRENT)
                .map(rows)
                .findOne()));
    }

    @Override
    public boolean saveIfAbsent(SigningKey key) {
        byte[] jwk = key.privateJwkJson().getBytes(StandardCharsets.UTF_8);
        Sealed sealed = sealer.seal(jwk, SigningKeyRows.owner(key.keyId()));
        try {
            return handles.withHandle(handle -> handle.createUpdate("INSERT INTO signing_keys"
                            + " (slot, kid, seal_key_id, sealed, created_at) VALUES (:slot, :kid, :keyId, :sealed, :created)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("slot", CURRENT)
                    .bind("kid", key.keyId())
                    .bind("keyId", sealed.keyId())
                    .bind("sealed", sealed.nonceAndCiphertext())
                    .bind("created", Sql.at(key.createdAt()))
                    .execute()) == 1;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
