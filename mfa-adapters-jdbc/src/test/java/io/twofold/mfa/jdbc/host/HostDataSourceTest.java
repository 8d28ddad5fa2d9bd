package io.twofold.mfa.jdbc.host;

import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.JdbcStorage.Migrations;
import io.twofold.mfa.jdbc.testing.MigrationFiles;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Either;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stores on a DataSource the host owns: its migrations choice, its connections, its transaction. */
abstract class HostDataSourceTest {
    private final MfaTransaction transaction = TransactionStoreContract.transaction("tx-1", "token-1");
    private TestDatabase database;
    private DataSource dataSource;

    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void createDatabase() {
        database = newDatabase();
        dataSource = plainDataSource(database);
    }

    /** A plain DataSource of the database's driver over its url, as a host would configure one. */
    private static DataSource plainDataSource(TestDatabase database) {
        if (database.kind().equals("postgres")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(database.url());
            postgres.setUser(database.user());
            postgres.setPassword(database.password());
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(database.url());
        h2.setUser(database.user());
        h2.setPassword(database.password());
        return h2;
    }

    /** Our stores on the host's open transaction: its connection, auto-commit off, bound as the only one. */
    private JdbcStorage joinedTo(Connection hosts) throws SQLException {
        JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.RUN).close();
        hosts.setAutoCommit(false);
        return JdbcStorage.on(HostTransaction.boundTo(hosts), TestDatabases.KEYRING, Migrations.SKIP);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void migratesIntoItsOwnHistoryTableAndLeavesTheDataSourceOpen() throws SQLException {
        try (JdbcStorage storage = JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.RUN)) {
            storage.transactions().add(transaction);
        }

        assertThat(count("twofold_schema_history WHERE success = TRUE AND version IS NOT NULL")).isEqualTo(MigrationFiles.count());
        assertThat(count("mfa_transactions")).as("read through the host's DataSource, still open").isEqualTo(1);
        try (JdbcStorage again = JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.RUN)) {
            assertThat(again.transactions().findByTokenHash(SecretHash.of("token-1"))).isNotEmpty();
        }
    }

    @Test
    void leavesTheSchemaAloneWhenTheHostSkipsMigrations() throws SQLException {
        try (JdbcStorage storage = JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.SKIP)) {
            assertThat(count("information_schema.tables WHERE table_name IN ('mfa_transactions', 'twofold_schema_history')"
                    + " AND table_schema = current_schema"))
                    .isZero();
        }
    }

    @Test
    void runsItsOwnTransactionOnAnAutoCommittingConnection() throws SQLException {
        try (JdbcStorage storage = JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.RUN)) {
            assertThatThrownBy(() -> storage.unitOfWork().inTransaction(() -> {
                storage.transactions().add(transaction);
                throw new IllegalStateException("the sender failed");
            })).hasMessage("the sender failed");
            assertThat(count("mfa_transactions")).isZero();

            storage.unitOfWork().inTransaction(() -> {
                storage.transactions().add(transaction);
                return Either.left("invalid_grant");
            });
            assertThat(count("mfa_transactions")).isEqualTo(1);
        }
    }

    @Test
    void joinsTheHostsOpenTransactionSoTheHostsRollbackUndoesOurWrites() throws SQLException {
        try (Connection hosts = dataSource.getConnection()) {
            JdbcStorage storage = joinedTo(hosts);

            Either<String, String> result = storage.unitOfWork().inTransaction(() -> {
                storage.transactions().add(transaction);
                return Either.left("invalid_grant");
            });
            assertThat(result.isLeft()).isTrue();
            assertThat(count("mfa_transactions")).as("not committed by our unit of work").isZero();

            hosts.rollback();
            assertThat(storage.transactions().findByTokenHash(SecretHash.of("token-1"))).isEmpty();
        }
    }

    @Test
    void leavesTheHostsTransactionOpenWhenOurWorkThrowsSoTheHostDecides() throws SQLException {
        try (Connection hosts = dataSource.getConnection()) {
            JdbcStorage storage = joinedTo(hosts);

            assertThatThrownBy(() -> storage.unitOfWork().inTransaction(() -> {
                storage.transactions().add(transaction);
                throw new IllegalStateException("later step failed");
            })).hasMessage("later step failed");

            hosts.commit();
            assertThat(count("mfa_transactions")).as("the host committed what we wrote before the throw").isEqualTo(1);
        }
    }

    @Test
    void refusesAnH2DatabaseNotInPostgresMode() {
        JdbcDataSource plain = new JdbcDataSource();
        plain.setURL("jdbc:h2:mem:plain_host");

        assertThatThrownBy(() -> JdbcStorage.on(plain, TestDatabases.KEYRING, Migrations.RUN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODE=PostgreSQL");
    }

    /** Counts rows through a connection of its own, so only committed rows are seen. */
    private int count(String fromWhere) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + fromWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
