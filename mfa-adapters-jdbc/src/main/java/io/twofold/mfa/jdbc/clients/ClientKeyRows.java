package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.AssertionAlgorithm;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.vavr.control.Option;

import java.sql.SQLException;

/** A {@code client_credentials} row read back into a client's public key. */
final class ClientKeyRows extends TableRows<ClientPublicKey> {
    static final String COLUMNS = "id, client_id, name, kid, alg, pem, created_at, expires_at";

    ClientKeyRows() {
        super("");
    }

    @Override
    protected ClientPublicKey map(Columns row) throws SQLException {
        return new ClientPublicKey(row.text("id"), new ClientId(row.text("client_id")), row.text("name"),
                row.text("kid"), AssertionAlgorithm.byName(row.text("alg"))
                .getOrElseThrow(() -> new IllegalStateException("unknown alg in the client_credentials table")),
                row.text("pem"), row.instant("created_at"), Option.of(row.instant("expires_at")));
    }
}
