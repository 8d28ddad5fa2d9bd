package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SecretHash;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.Update;

import java.sql.SQLException;

/** A {@code clients} row both ways: read back into a registration, and a client's columns bound by name. */
final class ClientRows extends TableRows<ClientRows.Registration> {
    /** A client and the hash of its secret, if it is confidential. */
    record Registration(Client client, Option<SecretHash> secretHash) {
    }

    ClientRows(String prefix) {
        super(prefix);
    }

    @Override
    protected Registration map(Columns row) throws SQLException {
        // A NULL hash marks a public client.
        Option<SecretHash> hash = Option.of(row.text("secret_hash")).map(SecretHash::new);
        Client client = new Client(new ClientId(row.text("client_id")), row.text("name"), hash.isDefined(),
                grantTypes(row.text("grant_types")),
                MfaPolicy.byWireName(row.text("mfa_policy"))
                        .getOrElseThrow(() -> new IllegalStateException("unknown MFA policy in the clients table")));
        return new Registration(client, hash);
    }

    /** The client's columns, bound by the names :id, :name, :hash, :grants and :policy. */
    static Update bind(Update statement, Client client, String hash) {
        return statement
                .bind("id", client.id().value())
                .bind("name", client.name())
                .bind("hash", hash)
                .bind("grants", wire(client.grantTypes()))
                .bind("policy", client.mfaPolicy().wireName());
    }

    static String wire(Set<GrantType> grants) {
        return grants.toSortedSet().map(GrantType::wireName).mkString(" ");
    }

    static Set<GrantType> grantTypes(String wire) {
        return List.of(wire.trim().split("\\s+")).filter(name -> !name.isEmpty())
                .map(name -> GrantType.byWireName(name)
                        .getOrElseThrow(() -> new IllegalStateException("unknown grant type in the clients table")))
                .toSet();
    }
}
