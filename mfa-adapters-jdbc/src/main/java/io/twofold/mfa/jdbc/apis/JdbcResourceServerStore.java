package io.twofold.mfa.jdbc.apis;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Duration;

/**
 * Registered APIs in {@code resource_servers}, their scopes in {@code resource_server_scopes}. The
 * unique identifier is the database's to enforce: of two nodes registering one audience, one wins.
 */
public final class JdbcResourceServerStore implements ResourceServerStore {
    /** The row without its scopes, which {@link #withScopes} adds. */
    private static final RowMapper<ResourceServer> ROWS = (rs, ctx) -> new ResourceServer(rs.getString("id"),
            rs.getString("identifier"), rs.getString("name"), List.empty(),
            Duration.ofSeconds(rs.getInt("token_lifetime")), rs.getBoolean("allow_offline_access"),
            algorithm(rs.getString("id"), rs.getString("signing_alg")), false);

    private final Handles handles;

    public JdbcResourceServerStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean add(ResourceServer api) {
        return handles.inTransaction(handle -> {
            int added = handle.createUpdate("INSERT INTO resource_servers (id, identifier, name, token_lifetime,"
                            + " allow_offline_access, signing_alg) VALUES (:id, :identifier, :name, :lifetime, :offline, :alg)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("id", api.id())
                    .bind("identifier", api.identifier())
                    .bind("name", api.name())
                    .bind("lifetime", (int) api.tokenLifetime().toSeconds())
                    .bind("offline", api.allowOfflineAccess())
                    .bind("alg", api.signingAlgorithm().name())
                    .execute();
            if (added == 1) {
                insertScopes(handle, api);
            }
            return added == 1;
        });
    }

    @Override
    public Option<ResourceServer> find(String id) {
        return handles.withHandle(handle -> withScopes(handle, handle.createQuery(
                "SELECT * FROM resource_servers WHERE id = :id").bind("id", id).map(ROWS).list())).headOption();
    }

    @Override
    public Option<ResourceServer> findByIdentifier(String identifier) {
        return handles.withHandle(handle -> withScopes(handle, handle.createQuery(
                        "SELECT * FROM resource_servers WHERE identifier = :identifier")
                .bind("identifier", identifier).map(ROWS).list())).headOption();
    }

    /** One column of one row: this is read for every access token to a registered API. */
    @Override
    public Option<SigningAlgorithm> signingAlgorithmOf(String identifier) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT id, signing_alg FROM resource_servers WHERE identifier = :identifier")
                .bind("identifier", identifier)
                .map((rs, ctx) -> algorithm(rs.getString("id"), rs.getString("signing_alg")))
                .findFirst()));
    }

    @Override
    public boolean update(ResourceServer api) {
        return handles.inTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE resource_servers SET name = :name, token_lifetime = :lifetime,"
                            + " allow_offline_access = :offline, signing_alg = :alg WHERE id = :id")
                    .bind("id", api.id())
                    .bind("name", api.name())
                    .bind("lifetime", (int) api.tokenLifetime().toSeconds())
                    .bind("offline", api.allowOfflineAccess())
                    .bind("alg", api.signingAlgorithm().name())
                    .execute();
            if (updated == 1) {
                handle.createUpdate("DELETE FROM resource_server_scopes WHERE resource_server_id = :id")
                        .bind("id", api.id()).execute();
                insertScopes(handle, api);
            }
            return updated == 1;
        });
    }

    @Override
    public boolean remove(String id) {
        return handles.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM resource_server_scopes WHERE resource_server_id = :id").bind("id", id)
                    .execute();
            return handle.createUpdate("DELETE FROM resource_servers WHERE id = :id").bind("id", id).execute() == 1;
        });
    }

    @Override
    public List<ResourceServer> page(int offset, int limit) {
        return handles.withHandle(handle -> withScopes(handle, handle.createQuery(
                        "SELECT * FROM resource_servers ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(ROWS).list()));
    }

    @Override
    public long count() {
        return handles.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM resource_servers")
                .mapTo(Long.class).one());
    }

    private static void insertScopes(Handle handle, ResourceServer api) {
        if (api.scopes().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO resource_server_scopes (resource_server_id, position,"
                + " scope_value, description) VALUES (:id, :position, :value, :description)");
        api.scopes().zipWithIndex().forEach(scope -> batch
                .bind("id", api.id())
                .bind("position", scope._2)
                .bind("value", scope._1.value())
                .bind("description", scope._1.description())
                .add());
        batch.execute();
    }

    /** The rows read without scopes, given their scopes by one more query. */
    private static List<ResourceServer> withScopes(Handle handle, java.util.List<ResourceServer> apis) {
        if (apis.isEmpty()) {
            return List.empty();
        }
        List<ScopeRow> scopes = List.ofAll(handle.createQuery("SELECT * FROM resource_server_scopes"
                        + " WHERE resource_server_id IN (<ids>) ORDER BY resource_server_id, position")
                .bindList("ids", apis.stream().map(ResourceServer::id).toList())
                .map((rs, ctx) -> new ScopeRow(rs.getString("resource_server_id"),
                        new ApiScope(rs.getString("scope_value"), rs.getString("description"))))
                .list());
        return List.ofAll(apis).map(api -> new ResourceServer(api.id(), api.identifier(), api.name(),
                scopes.filter(row -> row.apiId().equals(api.id())).map(ScopeRow::scope), api.tokenLifetime(),
                api.allowOfflineAccess(), api.signingAlgorithm(), false));
    }

    /** The table's check constraint admits RS256 and ES256 only; anything else is a schema newer than this code. */
    private static SigningAlgorithm algorithm(String id, String name) {
        return SigningAlgorithm.byName(name).getOrElseThrow(() -> new IllegalStateException(
                "resource server " + id + " has an unknown signing algorithm"));
    }

    private record ScopeRow(String apiId, ApiScope scope) {
    }
}
