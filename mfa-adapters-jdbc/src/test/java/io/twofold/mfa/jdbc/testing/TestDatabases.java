package io.twofold.mfa.jdbc.testing;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.users.PasswordHashing;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fresh databases for tests: an H2 in-memory database per call, or a new schema in the PostgreSQL
 * named by {@code MFA_TEST_PG_URL} / {@code MFA_TEST_PG_USER} / {@code MFA_TEST_PG_PASSWORD}.
 * Without a reachable PostgreSQL the PostgreSQL tests are skipped, loudly, unless
 * {@code MFA_TEST_REQUIRE_POSTGRES=true}, which makes them fail instead.
 */
public final class TestDatabases {
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The keyring every test database seals with: fixed keys, so failures reproduce. */
    public static final Keyring KEYRING = Keyring.of("test-2", Map.of("test-1", fill(1), "test-2", fill(2)));
    /** Argon2id at its cheapest, so user tests stay fast; production uses {@link PasswordHashing#OWASP}. */
    public static final PasswordHashing CHEAP_HASHING = new PasswordHashing(64, 1, 1, 16, 32);

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static volatile Boolean postgresReachable;

    private TestDatabases() {
    }

    /** A new, empty H2 in-memory database in PostgreSQL mode, as the embedded default runs it. */
    public static TestDatabase h2() {
        String name = "twofold_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase("h2", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + JdbcStorage.H2_OPTIONS,
                "sa", "", null);
    }

    /**
     * A new, empty schema (random name, dropped on close) in the test PostgreSQL; the url selects it
     * with {@code currentSchema}. Skips the calling test (or fails it, see the class comment) when
     * there is no PostgreSQL.
     */
    public static TestDatabase postgres() {
        requirePostgres();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + " at " + pgUrl(), e);
        }
        String url = pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase("postgres", url, pgUser(), pgPassword(), schema);
    }

    /** Skips (or, when required, fails) the current test or class when PostgreSQL is unreachable. */
    public static void requirePostgres() {
        if (isPostgresReachable()) {
            return;
        }
        String message = "PostgreSQL tests SKIPPED: no PostgreSQL at " + pgUrl()
                + " (set MFA_TEST_PG_URL, or MFA_TEST_REQUIRE_POSTGRES=true to fail instead)";
        if ("true".equalsIgnoreCase(System.getenv("MFA_TEST_REQUIRE_POSTGRES"))) {
            Assertions.fail(message.replace("SKIPPED", "FAILED (MFA_TEST_REQUIRE_POSTGRES=true)"));
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn(message);
        }
        Assumptions.abort(message);
    }

    public static synchronized boolean isPostgresReachable() {
        if (postgresReachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection connection = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword())) {
                postgresReachable = connection.isValid(3);
            } catch (SQLException e) {
                postgresReachable = false;
            }
        }
        return postgresReachable;
    }

    static String pgUrl() {
        return env("MFA_TEST_PG_URL", DEFAULT_PG_URL);
    }

    static String pgUser() {
        return env("MFA_TEST_PG_USER", "postgres");
    }

    static String pgPassword() {
        return env("MFA_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static byte[] fill(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    /** For tests that build their own keyrings. */
    public static Map<String, byte[]> rawKeys() {
        Map<String, byte[]> keys = new HashMap<>();
        keys.put("test-1", fill(1));
        keys.put("test-2", fill(2));
        return keys;
    }
}
