package io.twofold.mfa.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;

/** One database: its connection pool, its schema migrated at start-up, and its dialect. */
final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.dialect = dialect;
    }

    /** Connects and migrates; a failure closes the pool again, so nothing is left open. */
    static Database open(JdbcConfig config) {
        Dialect dialect = Dialect.of(config.url());
        HikariDataSource dataSource = pool(config);
        try {
            migrate(dataSource, config);
            return new Database(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Applies pending migrations; already-applied ones are skipped, so every start on every node may call it. */
    static void migrate(DataSource dataSource, JdbcConfig config) {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration");
        config.schema().forEach(schema -> flyway.schemas(schema).defaultSchema(schema));
        flyway.load().migrate();
    }

    private static HikariDataSource pool(JdbcConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("twofold");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
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

    @Override
    public void close() {
        dataSource.close();
    }
}
