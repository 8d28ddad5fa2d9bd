package io.twofold.mfa.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One database: its connections (our pool, or a host's DataSource we never close), its schema
 * migrated at start-up, and its dialect.
 */
final class Database implements AutoCloseable {
    /** Our migrations, away from Flyway's default {@code db/migration} so a host's own Flyway never finds them. */
    static final String MIGRATIONS = "classpath:db/twofold";
    /** Flyway's history table on a host's database, apart from the host's own {@code flyway_schema_history}. */
    static final String HOST_HISTORY_TABLE = "twofold_schema_history";

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final AutoCloseable owned;

    private Database(DataSource dataSource, Dialect dialect, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.dialect = dialect;
        this.owned = owned;
    }

    /** Connects and migrates; a failure closes the pool again, so nothing is left open. */
    static Database open(JdbcConfig config) {
        Dialect dialect = Dialect.of(config.url());
        HikariDataSource dataSource = pool(config);
        try {
            migrate(dataSource, config);
            return new Database(dataSource, dialect, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** On a DataSource the host owns and closes: its dialect read from a connection, migrated if asked. */
    static Database on(DataSource dataSource, JdbcStorage.Migrations migrations) {
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the host's database", e);
        }
        if (migrations == JdbcStorage.Migrations.RUN) {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).table(HOST_HISTORY_TABLE).load().migrate();
        }
        return new Database(dataSource, dialect, () -> { });
    }

    /** Applies pending migrations; already-applied ones are skipped, so every start on every node may call it. */
    static void migrate(DataSource dataSource, JdbcConfig config) {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS);
        config.schema().forEach(schema -> flyway.schemas(schema).defaultSchema(schema));
        flyway.load().migrate();
    }

    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private static HikariDataSource pool(JdbcConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("twofold");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        // While the database is away, a request waits at most this long for a connection and is then
        // answered 503 (StoreUnavailableException), instead of Hikari's default 30 s.
        hikari.setConnectionTimeout(config.poolTimeout().toMillis());
        hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.schema().forEach(hikari::setSchema);
        return new HikariDataSource(hikari);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Closes our pool; a host's DataSource is left open, for the host to close. */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the database", e);
        }
    }
}
