package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.out.ClientStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

import java.time.Duration;

/**
 * The operator's view of the {@code clients} table, which {@link JdbcClientRegistry} reads for the
 * grants. Every change also drops the registry's cached row on this node; other nodes need not be
 * told, because the registry reads secrets from the table on every authentication.
 */
public final class JdbcClientStore implements ClientStore {
    private static final ManagedClientRows ROWS = new ManagedClientRows();

    private final Handles handles;
    private final JdbcClientRegistry registry;

    public JdbcClientStore(Handles handles, JdbcClientRegistry registry) {
        this.handles = handles;
        this.registry = registry;
    }

    @Override
    public boolean add(ManagedClient client, Option<SecretHash> secret) {
        // ON CONFLICT DO NOTHING: an existing id is refused, never replaced.
        int added = handles.withHandle(handle -> bind(handle.createUpdate("INSERT INTO clients (client_id, name,"
                + " secret_hash, grant_types, mfa_policy, description, app_type, auth_method, metadata, extra,"
                + " refresh_rotation, refresh_lifetime_seconds, refresh_idle_lifetime_seconds)"
                + " VALUES (:id, :name, :hash, :grants, :policy, :description, :appType, :auth, :metadata, :extra,"
                + " :rotation, :lifetime, :idleLifetime)"
                + " ON CONFLICT DO NOTHING"), client).bind("hash", secret.map(SecretHash::hex).getOrNull()).execute());
        registry.forget(client.id());
        return added == 1;
    }

    @Override
    public Option<ManagedClient> find(ClientId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT * FROM clients WHERE client_id = :id")
                .bind("id", id.value()).map(ROWS).findOne()));
    }

    @Override
    public boolean update(ManagedClient client) {
        int updated = handles.withHandle(handle -> bind(handle.createUpdate("UPDATE clients SET name = :name,"
                + " grant_types = :grants, mfa_policy = :policy, description = :description, app_type = :appType,"
                + " auth_method = :auth, metadata = :metadata, extra = :extra, refresh_rotation = :rotation,"
                + " refresh_lifetime_seconds = :lifetime, refresh_idle_lifetime_seconds = :idleLifetime"
                + " WHERE client_id = :id"), client).execute());
        registry.forget(client.id());
        return updated == 1;
    }

    @Override
    public boolean replaceSecret(ClientId id, Option<SecretHash> secret) {
        int updated = handles.withHandle(handle -> handle.createUpdate(
                        "UPDATE clients SET secret_hash = :hash WHERE client_id = :id")
                .bind("hash", secret.map(SecretHash::hex).getOrNull())
                .bind("id", id.value())
                .execute());
        registry.forget(id);
        return updated == 1;
    }

    @Override
    public boolean remove(ClientId id) {
        int removed = handles.withHandle(handle -> handle.createUpdate("DELETE FROM clients WHERE client_id = :id")
                .bind("id", id.value()).execute());
        registry.forget(id);
        return removed == 1;
    }

    @Override
    public List<ManagedClient> page(Option<String> appType, int offset, int limit) {
        return handles.withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM clients"
                            + (appType.isDefined() ? " WHERE app_type = :appType" : "")
                            + " ORDER BY client_id LIMIT :limit OFFSET :offset")
                    .bind("limit", limit)
                    .bind("offset", offset);
            appType.forEach(type -> query.bind("appType", type));
            return List.ofAll(query.map(ROWS).list());
        });
    }

    @Override
    public long count(Option<String> appType) {
        return handles.withHandle(handle -> {
            Query query = handle.createQuery("SELECT COUNT(*) FROM clients"
                    + (appType.isDefined() ? " WHERE app_type = :appType" : ""));
            appType.forEach(type -> query.bind("appType", type));
            return query.mapTo(Long.class).one();
        });
    }

    private static Update bind(Update statement, ManagedClient client) {
        return statement
                .bind("id", client.id().value())
                .bind("name", client.client().name())
                .bind("grants", ClientRows.wire(client.client().grantTypes()))
                .bind("policy", client.client().mfaPolicy().wireName())
                .bind("description", client.profile().description().getOrNull())
                .bind("appType", client.profile().appType().getOrNull())
                .bind("auth", client.profile().authMethod().wireName())
                .bind("metadata", client.profile().metadataJson().getOrNull())
                .bind("extra", client.profile().extraJson().getOrNull())
                .bind("rotation", client.client().refreshTokens().rotation().wireName())
                .bind("lifetime", client.client().refreshTokens().lifetime().map(Duration::toSeconds).getOrNull())
                .bind("idleLifetime", client.client().refreshTokens().idleLifetime().map(Duration::toSeconds).getOrNull());
    }
}
