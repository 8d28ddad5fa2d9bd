package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.users.PasswordHashing;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * How to reach the database and seal secrets: JDBC url, user and password, pool size, the
 * sealing keyring, an optional schema (else the connection's current one), and the Argon2id
 * parameters for new password hashes.
 */
public record JdbcConfig(
        String url,
        String user,
        String password,
        int maxPoolSize,
        Keyring keyring,
        Option<String> schema,
        PasswordHashing passwordHashing) {

    public static final int DEFAULT_MAX_POOL_SIZE = 10;

    public JdbcConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    /** Pool of 10, the connection's own schema, OWASP Argon2id parameters. */
    public static JdbcConfig of(String url, String user, String password, Keyring keyring) {
        return new JdbcConfig(url, user, password, DEFAULT_MAX_POOL_SIZE, keyring, Option.none(), PasswordHashing.defaults());
    }

    public JdbcConfig withMaxPoolSize(int size) {
        return new JdbcConfig(url, user, password, size, keyring, schema, passwordHashing);
    }

    public JdbcConfig withSchema(String name) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, Option.some(name), passwordHashing);
    }

    public JdbcConfig withPasswordHashing(PasswordHashing hashing) {
        return new JdbcConfig(url, user, password, maxPoolSize, keyring, schema, hashing);
    }

    @Override
    public String toString() {
        return "JdbcConfig[url=" + url + ", user=" + user + ", password=***, maxPoolSize=" + maxPoolSize
                + ", keyring=" + keyring + ", schema=" + schema.getOrElse("(default)") + ", passwordHashing="
                + passwordHashing + "]";
    }
}
