package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.cache.TtlCache;
import io.twofold.mfa.jdbc.clients.ClientRows.Registration;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.PrivateKeyClient;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.out.ClientRegistry;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Clients in the {@code clients} table. A confidential client's secret is kept as its SHA-256:
 * enough because {@link ClientSecrets} only admits long, high-entropy secrets; a public client has none.
 * <p>
 * {@link #authenticate} reads the row every time (one primary-key look-up): a secret an operator
 * rotated, or a client deleted, must stop working on every node at once, and no cache shared by
 * nodes is as cheap as that query. {@link #find}, which decides nothing about credentials, keeps
 * rows for {@link #DEFAULT_CACHE_TTL}: a change made on another node shows there within the TTL.
 */
public final class JdbcClientRegistry implements ClientRegistry {
    /** How long a node trusts a client row it read; also the longest a revocation takes to reach every node. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
    private static final int MAX_CACHED_CLIENTS = 1_000;
    private static final SecretHash DUMMY = SecretHash.of("twofold: no client secret registered");

    private static final ClientRows ROWS = new ClientRows("");

    private final Handles handles;
    private final TtlCache<ClientId, Registration> cache;

    public JdbcClientRegistry(Handles handles) {
        this(handles, DEFAULT_CACHE_TTL, System::nanoTime);
    }

    /** @param ticker monotonic nanoseconds for the cache's expiry ({@code System::nanoTime}) */
    public JdbcClientRegistry(Handles handles, Duration cacheTtl, LongSupplier ticker) {
        this.handles = handles;
        this.cache = new TtlCache<>(cacheTtl, MAX_CACHED_CLIENTS, ticker);
    }

    @Override
    public Option<Client> find(ClientId id) {
        return registration(id).map(Registration::client);
    }

    @Override
    public Option<Client> authenticate(ClientId id, Option<String> secret) {
        // Not the cache: see the class comment. What was read refreshes it, though.
        long stamp = cache.stamp();
        Option<Registration> found = load(id);
        found.forEach(registration -> cache.put(id, registration, stamp));
        if (found.isEmpty()) {
            return Option.none();
        }
        Registration registration = found.get();
        if (!registration.client().confidential()) {
            return Option.some(registration.client());
        }
        // Always hash and compare, so a missing secret and a wrong one take the same path;
        // SecretHash.matches compares in constant time. A Private Key JWT client has no secret to match.
        boolean matches = registration.secretHash().filter(hash -> !registration.privateKeyJwt()).getOrElse(DUMMY)
                .matches(SecretHash.of(secret.getOrElse(""))) && secret.isDefined() && !registration.privateKeyJwt()
                && registration.secretHash().isDefined();
        return matches ? Option.some(registration.client()) : Option.none();
    }

    @Override
    public Option<PrivateKeyClient> privateKeyJwt(ClientId id) {
        // Fresh, like authenticate: a key or a client removed stops working at once on every node.
        return handles.withHandle(handle -> load(handle, id).filter(Registration::privateKeyJwt)
                .map(registration -> new PrivateKeyClient(registration.client(), JdbcClientKeyStore.keys(handle, id))));
    }

    /**
     * Registers the client, or updates it to match, as one that authenticates with these public keys
     * and never with a secret: its keys become exactly these (matched by kid; a key kept keeps its id).
     * Running it again with the same values changes nothing.
     */
    public Client upsertPrivateKeyClient(Client client, List<ClientPublicKey> keys) {
        if (!client.confidential() || keys.isEmpty()) {
            throw new IllegalArgumentException("client " + client.id() + " uses private_key_jwt and needs a key");
        }
        Client saved = handles.inTransaction(handle -> {
            String auth = TokenEndpointAuth.PRIVATE_KEY_JWT.wireName();
            if (update(handle, client, null, auth) == 0 && insert(handle, client, null, auth) == 0) {
                update(handle, client, null, auth);
            }
            Query stale = handle.createQuery("SELECT kid FROM client_credentials WHERE client_id = :id")
                    .bind("id", client.id().value());
            List.ofAll(stale.mapTo(String.class).list()).removeAll(keys.map(ClientPublicKey::kid))
                    .forEach(kid -> handle.createUpdate("DELETE FROM client_credentials WHERE client_id = :id AND kid = :kid")
                            .bind("id", client.id().value()).bind("kid", kid).execute());
            keys.forEach(key -> JdbcClientKeyStore.insert(handle, key));
            return client;
        });
        cache.invalidate(client.id());
        return saved;
    }

    /**
     * Registers the client or updates it to match; running it again with the same values changes
     * nothing. A confidential client needs a secret that {@link ClientSecrets} accepts; a public one none.
     */
    public Client upsertClient(Client client, Option<String> secret) {
        ClientSecrets.check(client, secret);
        String hash = secret.map(s -> SecretHash.of(s).hex()).getOrNull();
        Client saved = handles.inTransaction(handle -> {
            // UPDATE first, then an INSERT that cannot fail: portable across H2 and PostgreSQL,
            // and a concurrent bootstrap on another node cannot abort this transaction.
            String auth = authMethod(hash);
            if (update(handle, client, hash, auth) == 0 && insert(handle, client, hash, auth) == 0) {
                update(handle, client, hash, auth);
            }
            return client;
        });
        cache.invalidate(client.id());
        return saved;
    }

    /** Forgets the cached row of one client, after a change made through another store of this node. */
    public void forget(ClientId id) {
        cache.invalidate(id);
    }

    /** Forgets every cached row, so the next look-ups read the table (after a change made outside this registry). */
    public void clearCache() {
        cache.clear();
    }

    private static int update(Handle handle, Client client, String hash, String auth) {
        // A bootstrap client that gains a secret becomes client_secret_post unless an operator chose Basic;
        // one that turns to private_key_jwt, or back from it, takes the method the file says.
        return ClientRows.bind(handle.createUpdate("UPDATE clients SET name = :name, secret_hash = :hash,"
                        + " grant_types = :grants, mfa_policy = :policy, refresh_rotation = :rotation,"
                        + " refresh_lifetime_seconds = :lifetime, refresh_idle_lifetime_seconds = :idleLifetime,"
                        + " auth_method = CASE WHEN :auth IN ('none', 'private_key_jwt')"
                        + " OR auth_method IN ('none', 'private_key_jwt') THEN :auth ELSE auth_method END"
                        + " WHERE client_id = :id"), client, hash)
                .bind("auth", auth)
                .execute();
    }

    private static int insert(Handle handle, Client client, String hash, String auth) {
        return ClientRows.bind(handle.createUpdate("INSERT INTO clients (client_id, name, secret_hash, grant_types,"
                        + " mfa_policy, auth_method, refresh_rotation, refresh_lifetime_seconds, refresh_idle_lifetime_seconds)"
                        + " VALUES (:id, :name, :hash, :grants, :policy, :auth, :rotation, :lifetime, :idleLifetime)"
                        + " ON CONFLICT DO NOTHING"), client, hash)
                .bind("auth", auth)
                .execute();
    }

    private static String authMethod(String hash) {
        return (hash == null ? TokenEndpointAuth.NONE : TokenEndpointAuth.CLIENT_SECRET_POST).wireName();
    }

    private Option<Registration> registration(ClientId id) {
        return cache.get(id, this::load);
    }

    private Option<Registration> load(ClientId id) {
        return handles.withHandle(handle -> load(handle, id));
    }

    private static Option<Registration> load(Handle handle, ClientId id) {
        return Option.ofOptional(handle.createQuery("SELECT * FROM clients WHERE client_id = :id")
                .bind("id", id.value())
                .map(ROWS)
                .findOne());
    }

}
