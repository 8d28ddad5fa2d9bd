package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.SigningKey;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** Reads a {@code signing_keys} row back into the signing key, opening its sealed private JWK. */
final class SigningKeyRows extends TableRows<KeptSigningKey> {
    private final Sealer sealer;

    SigningKeyRows(Sealer sealer, String prefix) {
        super(prefix);
        this.sealer = sealer;
    }

    @Override
    protected KeptSigningKey map(Columns row) throws SQLException {
        String kid = row.text("kid");
        Sealed sealed = new Sealed(row.text("seal_key_id"), row.bytes("sealed"));
        String jwk = new String(sealer.open(sealed, owner(kid)), StandardCharsets.UTF_8);
        SigningAlgorithm alg = SigningAlgorithm.byName(row.text("alg"))
                .getOrElseThrow(() -> new IllegalStateException("signing key " + kid + " has an unknown algorithm"));
        return new KeptSigningKey(new SigningKey(kid, alg, jwk, row.instant("created_at")),
                Option.of(row.instant("retired_at")));
    }

    /** The associated data a key's JWK is sealed with: its key id, so a sealed JWK cannot pass for another key's. */
    static byte[] owner(String kid) {
        return Sealer.associatedData("signing-key", kid);
    }
}
