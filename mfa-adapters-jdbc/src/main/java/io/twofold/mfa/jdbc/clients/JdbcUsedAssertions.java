package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.UsedAssertionStore;

import java.time.Instant;

/** Used client assertion ids in {@code used_client_assertions}; its primary key is the single-use rule. */
public final class JdbcUsedAssertions implements UsedAssertionStore {
    private final Handles handles;

    public JdbcUsedAssertions(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean use(ClientId client, String jti, Instant expiresAt) {
        // ON CONFLICT DO NOTHING: of racing inserts of one jti, on any node, exactly one counts a row.
        return handles.withHandle(handle -> handle.createUpdate("INSERT INTO used_client_assertions"
                        + " (client_id, jti, expires_at) VALUES (:client, :jti, :expires) ON CONFLICT DO NOTHING")
                .bind("client", client.value())
                .bind("jti", jti)
                .bind("expires", Sql.at(expiresAt))
                .execute()) == 1;
    }

    @Override
    public int removeExpired(Instant cutoff) {
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM used_client_assertions WHERE expires_at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
    }
}
