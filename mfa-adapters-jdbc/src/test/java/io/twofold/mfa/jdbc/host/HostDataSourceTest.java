package io.twofold.mfa.jdbc.host;

import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.JdbcStorage.Migrations;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    /** A plain DataSource over the database's url, as a host would configure one. */
    protected abstract DataSource plainDataSource(TestDatabase database);

    @BeforeEach
    void createDatabase() {
        database = newDatabase();
        dataSource = plainDataSource(database);
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

        assertThat(count("twofold_schema_history WHERE success = TRUE AND version IS NOT NULL")).isEqualTo(2);
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
        JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.RUN).close();
        try (Connection hosts = dataSource.getConnection()) {
            hosts.setAutoCommit(false);
            JdbcStorage storage = JdbcStorage.on(HostTransaction.boundTo(hosts), TestDatabases.KEYRING, Migrations.SKIP);

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
        JdbcStorage.on(dataSource, TestDatabases.KEYRING, Migrations.RUN).close();
        try (Connection hosts = dataSource.getConnection()) {
            hosts.setAutoCommit(false);
            JdbcStorage storage = JdbcStorage.on(HostTransaction.boundTo(hosts), TestDatabases.KEYRING, Migrations.SKIP);

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
        org.h2.jdbcx.JdbcDataSource plain = new org.h2.jdbcx.JdbcDataSource();
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
