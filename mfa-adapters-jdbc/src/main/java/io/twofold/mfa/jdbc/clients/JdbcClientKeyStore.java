package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.port.out.ClientKeyStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;

/**
 * Client public keys in {@code client_credentials}. The registry reads them on every authentication,
 * so a removed key stops working on every node at once; nothing here is cached.
 */
public final class JdbcClientKeyStore implements ClientKeyStore {
    private static final ClientKeyRows ROWS = new ClientKeyRows();

    private final Handles handles;

    public JdbcClientKeyStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean add(ClientPublicKey key) {
        try {
            return handles.withHandle(handle -> insert(handle, key)) == 1;
        } catch (UnableToExecuteStatementException e) {
            // The client was deleted meanwhile (foreign key), or the id was taken: refused, not an error.
            if (integrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Inserts the key unless its id or its kid is taken; 1 when it did. */
    static int insert(Handle handle, ClientPublicKey key) {
        return handle.createUpdate("INSERT INTO client_credentials (" + ClientKeyRows.COLUMNS + ")"
                        + " VALUES (:id, :client, :name, :kid, :alg, :pem, :created, :expires) ON CONFLICT DO NOTHING")
                .bind("id", key.id())
                .bind("client", key.clientId().value())
                .bind("name", key.name())
                .bind("kid", key.kid())
                .bind("alg", key.algorithm().name())
                .bind("pem", key.pem())
                .bind("created", Sql.at(key.createdAt()))
                .bind("expires", key.expiresAt().map(Sql::at).getOrNull())
                .execute();
    }

    @Override
    public List<ClientPublicKey> keys(ClientId client) {
        return handles.withHandle(handle -> keys(handle, client));
    }

    static List<ClientPublicKey> keys(Handle handle, ClientId client) {
        return List.ofAll(handle.createQuery("SELECT " + ClientKeyRows.COLUMNS + " FROM client_credentials"
                        + " WHERE client_id = :client ORDER BY created_at, id")
                .bind("client", client.value())
                .map(ROWS)
                .list());
    }

    @Override
    public Option<ClientPublicKey> find(ClientId client, String id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery("SELECT " + ClientKeyRows.COLUMNS
                        + " FROM client_credentials WHERE client_id = :client AND id = :id")
                .bind("client", client.value())
                .bind("id", id)
                .map(ROWS)
                .findOne()));
    }

    @Override
    public boolean remove(ClientId client, String id) {
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM client_credentials WHERE client_id = :client AND id = :id")
                .bind("client", client.value())
                .bind("id", id)
                .execute()) == 1;
    }

    private static boolean integrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // SQL state class 23: integrity constraint violation, in H2 and PostgreSQL alike.
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
