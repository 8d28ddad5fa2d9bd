package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.cache.TtlCache;
import io.twofold.mfa.jdbc.clients.ClientRows.Registration;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.out.ClientRegistry;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

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
        // SecretHash.matches compares in constant time.
        boolean matches = registration.secretHash().getOrElse(DUMMY).matches(SecretHash.of(secret.getOrElse("")))
                && secret.isDefined();
        return matches ? Option.some(registration.client()) : Option.none();
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
            if (update(handle, client, hash) == 0 && insert(handle, client, hash) == 0) {
                update(handle, client, hash);
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

    private static int update(Handle handle, Client client, String hash) {
        // A bootstrap client that gains a secret becomes client_secret_post unless an operator chose Basic.
        return ClientRows.bind(handle.createUpdate("UPDATE clients SET name = :name, secret_hash = :hash,"
                        + " grant_types = :grants, mfa_policy = :policy, refresh_rotation = :rotation,"
                        + " refresh_lifetime_seconds = :lifetime, refresh_idle_lifetime_seconds = :idleLifetime,"
                        + " auth_method = CASE WHEN :auth = 'none'"
                        + " OR auth_method = 'none' THEN :auth ELSE auth_method END WHERE client_id = :id"), client, hash)
                .bind("auth", authMethod(hash))
                .execute();
    }

    private static int insert(Handle handle, Client client, String hash) {
        return ClientRows.bind(handle.createUpdate("INSERT INTO clients (client_id, name, secret_hash, grant_types,"
                        + " mfa_policy, auth_method, refresh_rotation, refresh_lifetime_seconds, refresh_idle_lifetime_seconds)"
                        + " VALUES (:id, :name, :hash, :grants, :policy, :auth, :rotation, :lifetime, :idleLifetime)"
                        + " ON CONFLICT DO NOTHING"), client, hash)
                .bind("auth", authMethod(hash))
                .execute();
    }

    private static String authMethod(String hash) {
        return (hash == null ? TokenEndpointAuth.NONE : TokenEndpointAuth.CLIENT_SECRET_POST).wireName();
    }

    private Option<Registration> registration(ClientId id) {
        return cache.get(id, this::load);
    }

    private Option<Registration> load(ClientId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT * FROM clients WHERE client_id = :id")
                .bind("id", id.value())
                .map(ROWS)
                .findOne()));
    }

}
