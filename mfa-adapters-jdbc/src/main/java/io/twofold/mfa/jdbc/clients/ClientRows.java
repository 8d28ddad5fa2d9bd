package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.Update;

import java.sql.SQLException;
import java.time.Duration;

/** A {@code clients} row both ways: read back into a registration, and a client's columns bound by name. */
final class ClientRows extends TableRows<ClientRows.Registration> {
    /**
     * A client and the hash of its secret, if it is confidential and uses one; a client that uses
     * Private Key JWT authenticates with its keys only, whatever hash it has.
     */
    record Registration(Client client, Option<SecretHash> secretHash, boolean privateKeyJwt) {
    }

    ClientRows(String prefix) {
        super(prefix);
    }

    @Override
    protected Registration map(Columns row) throws SQLException {
        // Confidential unless auth_method says 'none': a confidential client whose hash is NULL (one that
        // left Private Key JWT) must fail every secret, never pass as public.
        Option<SecretHash> hash = Option.of(row.text("secret_hash")).map(SecretHash::new);
        String method = row.text("auth_method");
        boolean privateKeyJwt = TokenEndpointAuth.PRIVATE_KEY_JWT.wireName().equals(method);
        Client client = new Client(new ClientId(row.text("client_id")), row.text("name"),
                hash.isDefined() || !TokenEndpointAuth.NONE.wireName().equals(method),
                grantTypes(row.text("grant_types")),
                MfaPolicy.byWireName(row.text("mfa_policy"))
                        .getOrElseThrow(() -> new IllegalStateException("unknown MFA policy in the clients table")),
                refreshTokens(row));
        return new Registration(client, hash, privateKeyJwt);
    }

    /** Auth0's client {@code refresh_token} settings; a NULL lifetime is infinite. */
    private static RefreshTokenPolicy refreshTokens(Columns row) throws SQLException {
        String rotation = row.text("refresh_rotation");
        return new RefreshTokenPolicy(RefreshTokenPolicy.Rotation.byWireName(rotation)
                .getOrElseThrow(() -> new IllegalStateException("unknown refresh token rotation in the clients table")),
                seconds(row, "refresh_lifetime_seconds"), seconds(row, "refresh_idle_lifetime_seconds"));
    }

    private static Option<Duration> seconds(Columns row, String column) throws SQLException {
        String value = row.text(column);
        return Option.of(value).map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    /**
     * The client's columns, bound by the names :id, :name, :hash, :grants, :policy, and for its refresh
     * tokens :rotation, :lifetime and :idleLifetime (seconds, NULL for infinite).
     */
    static Update bind(Update statement, Client client, String hash) {
        RefreshTokenPolicy refresh = client.refreshTokens();
        return statement
                .bind("rotation", refresh.rotation().wireName())
                .bind("lifetime", refresh.lifetime().map(Duration::toSeconds).getOrNull())
                .bind("idleLifetime", refresh.idleLifetime().map(Duration::toSeconds).getOrNull())
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
