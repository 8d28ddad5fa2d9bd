package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.PasswordHashing;
import io.twofold.mfa.jdbc.users.ProfileCache;
import io.twofold.mfa.secret.Redaction;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the database and seal secrets: JDBC url, user and password, pool size, the
 * sealing keyring, an optional schema (else the connection's current one), the Argon2id
 * parameters for new password hashes, how many password hashes may run at once (each holds its
 * memory cost, 19 MiB by default; default one per processor), and how long a node caches client
 * rows and user profiles (default 30 s each; zero turns a cache off). A cache is per node: a
 * client revoked or a user changed through another node is seen here only when the entry expires.
 */
public record JdbcConfig(
        String url,
        String user,
        String password,
        int maxPoolSize,
        Keyring keyring,
        Option<String> schema,
        PasswordHashing passwordHashing,
        int maxConcurrentPasswordHashes,
        Duration clientCacheTtl,
        Duration userProfileCacheTtl,
        Duration poolTimeout) {

    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    /** How long a request waits for a pooled connection before the database counts as unavailable. */
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(3);

    public JdbcConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(clientCacheTtl, "clientCacheTtl");
        Objects.requireNonNull(userProfileCacheTtl, "userProfileCacheTtl");
        Objects.requireNonNull(poolTimeout, "poolTimeout");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        if (maxConcurrentPasswordHashes < 1) {
            throw new IllegalArgumentException("at least one password hash must be allowed to run");
        }
        if (clientCacheTtl.isNegative() || userProfileCacheTtl.isNegative()) {
            throw new IllegalArgumentException("a cache TTL is zero (no caching) or more");
        }
        if (poolTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("the pool timeout is at least 250 ms (HikariCP's minimum)");
        }
    }

    /**
     * Pool of 10, the connection's own schema, OWASP Argon2id parameters, one password hash per
     * processor at a time, client and user profile caches of 30 s.
     */
    public static JdbcConfig of(String url, String user, String password, Keyring keyring) {
        return new JdbcConfig(url, user, password, DEFAULT_MAX_POOL_SIZE, keyring, Option.none(), PasswordHashing.defaults(),
                Argon2idHasher.DEFAULT_MAX_CONCURRENT, JdbcClientRegistry.DEFAULT_CACHE_TTL,
                ProfileCache.DEFAULT_TTL, DEFAULT_POOL_TIMEOUT);
    }

    public JdbcConfig withMaxPoolSize(int size) {
        return new JdbcConfig(url, user, password, size, keyring, schema, passwordHashing,
                maxConcurrentPasswordHashes, clientCacheTtl, userProfileCacheTtl, poolTimeout);
    }

    public JdbcConfig withSchema(String name) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, Option.some(name), passwordHashing,
                maxConcurrentPasswordHashes, clientCacheTtl, userProfileCacheTtl, poolTimeout);
    }

    public JdbcConfig withPasswordHashing(PasswordHashing hashing) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, schema, hashing,
                maxConcurrentPasswordHashes, clientCacheTtl, userProfileCacheTtl, poolTimeout);
    }

    /** How many Argon2id hashes may run at once on this node; the others queue, first come first served. */
    public JdbcConfig withMaxConcurrentPasswordHashes(int max) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, schema, passwordHashing,
                max, clientCacheTtl, userProfileCacheTtl, poolTimeout);
    }

    /** How long client rows and user profiles are cached on this node; zero reads the table every time. */
    public JdbcConfig withCacheTtls(Duration clients, Duration userProfiles) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, schema, passwordHashing,
                maxConcurrentPasswordHashes, clients, userProfiles, poolTimeout);
    }

    /** How long a request waits for a pooled connection (default 3 s) before it fails as unavailable. */
    public JdbcConfig withPoolTimeout(Duration timeout) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, schema, passwordHashing,
                maxConcurrentPasswordHashes, clientCacheTtl, userProfileCacheTtl, timeout);
    }

    @Override
    public String toString() {
        return "JdbcConfig[url=" + Redaction.url(url) + ", user=" + user + ", password=***, maxPoolSize=" + maxPoolSize
                + ", keyring=" + keyring + ", schema=" + schema.getOrElse("(default)") + ", passwordHashing="
                + passwordHashing + ", maxConcurrentPasswordHashes=" + maxConcurrentPasswordHashes
                + ", clientCacheTtl=" + clientCacheTtl + ", userProfileCacheTtl=" + userProfileCacheTtl + ", poolTimeout=" + poolTimeout + "]";
    }
}
