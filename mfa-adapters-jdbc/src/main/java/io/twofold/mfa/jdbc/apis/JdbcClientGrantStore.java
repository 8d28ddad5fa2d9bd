package io.twofold.mfa.jdbc.apis;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientGrantFilter;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Client grants in {@code client_grants}. One grant per client and audience is the unique
 * constraint's to enforce: {@code ON CONFLICT DO NOTHING} makes the loser of a race see false.
 */
public final class JdbcClientGrantStore implements ClientGrantStore {
    private static final RowMapper<ClientGrant> ROWS = (rs, ctx) -> new ClientGrant(rs.getString("id"),
            new ClientId(rs.getString("client_id")), rs.getString("audience"), scope(rs.getString("scope")));

    private final Handles handles;

    public JdbcClientGrantStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean add(ClientGrant grant) {
        return handles.withHandle(handle -> handle.createUpdate("INSERT INTO client_grants (id, client_id, audience,"
                        + " scope) VALUES (:id, :client, :audience, :scope) ON CONFLICT DO NOTHING")
                .bind("id", grant.id())
                .bind("client", grant.clientId().value())
                .bind("audience", grant.audience())
                .bind("scope", grant.scope().mkString(" "))
                .execute()) == 1;
    }

    @Override
    public Option<ClientGrant> find(String id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                "SELECT * FROM client_grants WHERE id = :id").bind("id", id).map(ROWS).findOne()));
    }

    @Override
    public Option<ClientGrant> find(ClientId client, String audience) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT * FROM client_grants WHERE client_id = :client AND audience = :audience")
                .bind("client", client.value()).bind("audience", audience).map(ROWS).findOne()));
    }

    @Override
    public boolean updateScope(String id, List<String> scope) {
        return handles.withHandle(handle -> handle.createUpdate("UPDATE client_grants SET scope = :scope WHERE id = :id")
                .bind("scope", scope.distinct().mkString(" ")).bind("id", id).execute()) == 1;
    }

    @Override
    public boolean remove(String id) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM client_grants WHERE id = :id")
                .bind("id", id).execute()) == 1;
    }

    @Override
    public int removeByClient(ClientId client) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM client_grants WHERE client_id = :client")
                .bind("client", client.value()).execute());
    }

    @Override
    public int removeByAudience(String audience) {
        return handles.withHandle(handle -> handle.createUpdate("DELETE FROM client_grants WHERE audience = :audience")
                .bind("audience", audience).execute());
    }

    @Override
    public List<ClientGrant> page(ClientGrantFilter filter, int offset, int limit) {
        return handles.withHandle(handle -> List.ofAll(filtered(handle, "SELECT * FROM client_grants", filter,
                Option.none(), " ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(ROWS).list()));
    }

    @Override
    public long count(ClientGrantFilter filter) {
        return handles.withHandle(handle -> filtered(handle, "SELECT COUNT(*) FROM client_grants", filter,
                Option.none(), "").mapTo(Long.class).one());
    }

    @Override
    public List<ClientGrant> after(ClientGrantFilter filter, Option<String> afterId, int limit) {
        return handles.withHandle(handle -> List.ofAll(filtered(handle, "SELECT * FROM client_grants", filter,
                afterId, " ORDER BY id LIMIT :limit").bind("limit", limit).map(ROWS).list()));
    }

    private static Query filtered(Handle handle, String select, ClientGrantFilter filter, Option<String> afterId, String tail) {
        List<String> conditions = List.<String>empty()
                .appendAll(filter.client().map(c -> "client_id = :client"))
                .appendAll(filter.audience().map(a -> "audience = :audience"))
                .appendAll(afterId.map(a -> "id > :after"));
        Query query = handle.createQuery(select
                + (conditions.isEmpty() ? "" : " WHERE " + conditions.mkString(" AND ")) + tail);
        filter.client().forEach(client -> query.bind("client", client.value()));
        filter.audience().forEach(audience -> query.bind("audience", audience));
        afterId.forEach(after -> query.bind("after", after));
        return query;
    }

    private static List<String> scope(String wire) {
        return List.of(wire.trim().split("\\s+")).filter(value -> !value.isEmpty());
    }
}
