package io.twofold.mfa.jdbc.testing;

import io.twofold.mfa.jdbc.JdbcConfig;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.vavr.control.Option;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One test database from {@link TestDatabases}: its JDBC url (PostgreSQL's selects the test schema
 * with {@code currentSchema}), credentials, and helpers to start storage on it, read it with plain
 * JDBC, empty it between tests, and drop it on close.
 */
public final class TestDatabase implements AutoCloseable {
    /** Every table the migrations create, children first (refresh_tokens refers to refresh_token_families). */
    public static final java.util.List<String> TABLES = java.util.List.of("import_job_errors", "import_jobs",
            "client_credentials", "used_client_assertions", "refresh_tokens", "refresh_token_families",
            "authenticators", "mfa_transactions", "oob_challenges", "attempt_buckets", "audit_events", "users", "clients",
            "signing_keys", "client_grants", "resource_server_scopes", "resource_servers", "factor_settings",
            "mfa_policies");

    private final String kind;
    private final String url;
    private final String user;
    private final String password;
    private final Option<String> schema;

    TestDatabase(String kind, String url, String user, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = Option.of(schema);
    }

    /** {@code h2} or {@code postgres}. */
    public String kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The PostgreSQL schema this database lives in; none for H2. */
    public Option<String> schema() {
        return schema;
    }

    /** A config for this database: the test keyring, cheap Argon2id, a pool of 10. */
    public JdbcConfig config() {
        JdbcConfig config = JdbcConfig.of(url, user, password, TestDatabases.KEYRING)
                .withPasswordHashing(TestDatabases.CHEAP_HASHING);
        return schema.map(config::withSchema).getOrElse(config);
    }

    /** Migrates and starts storage; the caller closes it (before closing this database). */
    public JdbcStorage start() {
        return JdbcStorage.start(config(), Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    }

    /** A plain JDBC connection, for reading raw rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Deletes every row of every table, keeping the schema, so one database serves many tests. */
    public void deleteAllRows() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + url, e);
        }
    }

    /** Drops the PostgreSQL schema, or shuts the H2 in-memory database down. */
    @Override
    public void close() {
        String admin = schema.isDefined() ? TestDatabases.pgUrl() : url;
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(schema.map(s -> "DROP SCHEMA IF EXISTS " + s + " CASCADE").getOrElse("SHUTDOWN"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + url, e);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
