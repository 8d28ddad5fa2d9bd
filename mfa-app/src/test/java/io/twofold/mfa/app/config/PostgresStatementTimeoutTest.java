package io.twofold.mfa.app.config;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The URL the server hands the driver carries its timeouts: a statement running past
 * MFA_DB_STATEMENT_TIMEOUT is cancelled by PostgreSQL itself (SQL state 57014), so a request never
 * waits on a slow query much longer than that. Skipped without PostgreSQL unless MFA_TEST_REQUIRE_POSTGRES=true.
 */
class PostgresStatementTimeoutTest {

    @Test
    void postgresCancelsAStatementRunningPastTheStatementTimeout() throws SQLException {
        try (TestDatabase database = TestDatabases.postgres()) {
            DatabaseSettings settings = new DatabaseSettings(database.url(), database.user(), database.password(), 1, false,
                    Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(500));
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), database.user(), database.password());
                 Statement statement = connection.createStatement()) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(20)"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
                // A bound on hanging, not a speed assertion: without the timeout this waits 20 s.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            }
        }
    }
}
