package io.twofold.mfa.jdbc;

import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.jdbc.testing.MigrationFiles;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up migrations: every node runs them on every start, so a second run must be harmless. */
class MigrationTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void migratesAnH2DatabaseTwiceWithoutError() {
        try (TestDatabase database = TestDatabases.h2()) {
            startTwice(database);
        }
    }

    @Test
    void migratesAPostgresSchemaTwiceWithoutError() {
        try (TestDatabase database = TestDatabases.postgres()) {
            startTwice(database);
        }
    }

    @Test
    void migratesIntoTheSchemaThePostgresUrlSelects() {
        try (TestDatabase database = TestDatabases.postgres()) {
            JdbcConfig urlOnly = JdbcConfig.of(database.url(), database.user(), database.password(), TestDatabases.KEYRING);
            try (JdbcStorage storage = JdbcStorage.start(urlOnly)) {
                int tables = storage.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM"
                                + " information_schema.tables WHERE table_schema = :schema AND table_name = 'authenticators'")
                        .bind("schema", database.schema().get()).mapTo(Integer.class).one());
                assertThat(tables).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesAnH2UrlWithoutPostgresMode() {
        JdbcConfig plain = JdbcConfig.of("jdbc:h2:mem:plain", "sa", "", TestDatabases.KEYRING);

        assertThatThrownBy(() -> JdbcStorage.start(plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODE=PostgreSQL");
    }

    @Test
    void restartsTheEmbeddedH2FileDatabaseWithItsDataAndSealingKeys(@TempDir Path dir) {
        PendingAuthenticator totp = Authenticators.pendingTotp(new UserId("auth0|alice"), 1, Authenticators.seed(5), T0);
        UserId alice;
        try (JdbcStorage first = JdbcStorage.h2File(dir)) {
            alice = first.users().upsertUser("Username-Password-Authentication", "alice", Option.none(), "pw-alice");
            first.authenticators().add(totp);
        }
        assertThat(dir.resolve(JdbcStorage.KEYRING_FILE)).exists();
        assertThat(Files.exists(dir.resolve("twofold.mv.db"))).isTrue();

        try (JdbcStorage second = JdbcStorage.h2File(dir)) {
            assertThat(second.users().authenticate(Option.none(), "alice", "pw-alice").map(User::id)).containsExactly(alice);
            assertThat(second.authenticators().find(totp.userId(), totp.id()).map(a -> a.factor()))
                    .containsExactly(new Factor.Totp(Authenticators.seed(5)));
        }
    }

    @Test
    void v13LeavesTheApisAndTheSigningKeyOfAnH2DatabaseOnRS256() throws Exception {
        try (TestDatabase database = TestDatabases.h2()) {
            existingRowsSignRS256AfterV13(database);
        }
    }

    @Test
    void v13LeavesTheApisAndTheSigningKeyOfAPostgresSchemaOnRS256() throws Exception {
        try (TestDatabase database = TestDatabases.postgres()) {
            existingRowsSignRS256AfterV13(database);
        }
    }

    /** Migrates to V12, writes an API and a signing key as V12 did, then runs V13 and reads them back. */
    private static void existingRowsSignRS256AfterV13(TestDatabase database) throws Exception {
        try (org.jdbi.v3.core.Handle handle = org.jdbi.v3.core.Jdbi.open(database.connect())) {
            org.flywaydb.core.api.configuration.FluentConfiguration flyway = org.flywaydb.core.Flyway.configure()
                    .dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:db/twofold").target("12");
            database.schema().forEach(schema -> flyway.schemas(schema).defaultSchema(schema));
            flyway.load().migrate();
            String table = database.schema().map(schema -> schema + ".").getOrElse("");
            handle.execute("INSERT INTO " + table + "resource_servers (id, identifier, name, token_lifetime,"
                    + " allow_offline_access) VALUES ('a1', 'urn:old', 'Old', 60, FALSE)");
            handle.createUpdate("INSERT INTO " + table + "signing_keys (slot, kid, seal_key_id, sealed, created_at)"
                    + " VALUES ('current', 'kid-1', 'k1', :sealed, CURRENT_TIMESTAMP)")
                    .bind("sealed", new byte[] {1, 2, 3}).execute();
            try (JdbcStorage storage = database.start()) {
                assertThat(storage.resourceServers().find("a1").map(api -> api.signingAlgorithm()))
                        .containsExactly(io.twofold.mfa.model.SigningAlgorithm.RS256);
                assertThat(handle.createQuery("SELECT slot || ' ' || alg FROM " + table + "signing_keys")
                        .mapTo(String.class).list()).containsExactly("current RS256");
                assertThat(storage.signingKeys().current(io.twofold.mfa.model.SigningAlgorithm.ES256)).isEmpty();
            }
        }
    }

    private static void startTwice(TestDatabase database) {
        database.start().close();
        try (JdbcStorage again = database.start()) {
            JdbcStorage.migrate(again.dataSource(), database.config());
            int applied = again.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")
                    .mapTo(Integer.class).one());
            assertThat(applied).as("every migration, each once").isEqualTo(MigrationFiles.count());
            assertThat(again.transactions().findByTokenHash(SecretHash.of("none"))).isEmpty();
        }
    }
}
