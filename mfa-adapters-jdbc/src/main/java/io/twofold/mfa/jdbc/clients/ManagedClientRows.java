package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.ClientProfile;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.vavr.control.Option;

import java.sql.SQLException;

/** A {@code clients} row as the Management API sees it: the client and its profile columns. */
final class ManagedClientRows extends TableRows<ManagedClient> {
    private static final ClientRows CLIENTS = new ClientRows("");

    ManagedClientRows() {
        super("");
    }

    @Override
    protected ManagedClient map(Columns row) throws SQLException {
        ClientRows.Registration registration = CLIENTS.map(row);
        TokenEndpointAuth auth = TokenEndpointAuth.byWireName(row.text("auth_method"))
                .getOrElseThrow(() -> new IllegalStateException("unknown auth_method in the clients table"));
        return new ManagedClient(registration.client(), new ClientProfile(Option.of(row.text("description")),
                Option.of(row.text("app_type")), auth, Option.of(row.text("metadata")), Option.of(row.text("extra"))));
    }
}
