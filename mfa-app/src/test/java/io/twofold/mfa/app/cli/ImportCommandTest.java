package io.twofold.mfa.app.cli;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.vavr.collection.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} run in-process through {@link Commands}, as the jar runs it: output, exit codes and rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {
    private static final String BCRYPT = "$2b$10$sMurq8/BPg0C8sYIINTlneggxkRVzmE0vCFW2KFiXAabilFbtUlke";
    private static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path dir;
    private TestDatabase database;
    private JdbcStorage storage;

    /** What one command run printed and answered. */
    record Ran(int code, String out, String err) {
    }

    @BeforeAll
    void start() {
        database = TestDatabases.h2();
        storage = database.start();
    }

    @AfterAll
    void stop() {
        storage.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.deleteAllRows();
    }

    Ran run(Supplier<JdbcStorage> opened, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] line = new String[args.length + 1];
        line[0] = "import";
        System.arraycopy(args, 0, line, 1, args.length);
        int code = new Commands(List.of(new ImportCommand(opened))).run(line,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Ran run(String... args) {
        return run(() -> storage, args);
    }

    Path file(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "users", ".json"), json);
    }

    long users() {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    @Test
    void importsAFileAndSaysSoWithExitCodeZeroThenAgainWithUpsert() throws IOException {
        Path users = file("""
                [{"email": "cli1@example.com", "password_hash": "%s", "mfa_factors": [{"totp": {"secret": "%s"}}]},
                 {"email": "cli2@example.com"}]""".formatted(BCRYPT, SEED));

        Ran first = run("--format", "auth0", users.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("import: 2 users read: 2 inserted, 0 updated, 0 rejected");
        assertThat(users()).isEqualTo(2);

        Ran again = run("--format", "auth0", "--upsert", users.toString());
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("2 users read: 0 inserted, 2 updated, 0 rejected");
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void listsEachRejectedUserWithoutSecretsAndAnswersOne() throws IOException {
        Path users = file("""
                [{"email": "ok@example.com"},
                 {"email": "bad@example.com", "password_hash": "%s", "mfa_factors": [{"totp": {"secret": "%s8"}}]},
                 {"email": "OK@example.com"}]""".formatted(BCRYPT, SEED));

        Ran ran = run("--format", "AUTH0", "--connection", "Username-Password-Authentication", users.toString());

        assertThat(ran.code()).as(ran.toString()).isEqualTo(1);
        assertThat(ran.out()).contains("3 users read: 1 inserted, 0 updated, 2 rejected")
                .contains("rejected #1 email=bad@example.com: MFA_FACTORS_FAILED mfa_factors[0].totp.secret must be")
                .contains("rejected #2 email=OK@example.com: DUPLICATED_USER")
                .doesNotContain(SEED).doesNotContain(BCRYPT);
    }

    @Test
    void importsTheKeycloakFixture() throws IOException {
        Path export = dir.resolve("realm.json");
        try (var in = ImportCommandTest.class.getResourceAsStream("/keycloak/keycloak-26.5.6-realm-export.json")) {
            Files.copy(in, export);
        }
        Ran ran = run("--format", "keycloak", export.toString());
        assertThat(ran.code()).as(ran.toString()).isZero();
        assertThat(ran.out()).contains("17 users read: 17 inserted");
    }

    @Test
    void answersTwoForUsageAndConfigurationErrors() throws IOException {
        Path users = file("[]");
        assertThat(run(users.toString()).code()).as("no format").isEqualTo(2);
        assertThat(run("--format", "okta", users.toString()).code()).isEqualTo(2);
        assertThat(run("--format", "auth0").code()).as("no file").isEqualTo(2);
        assertThat(run("--format", "auth0", "--bogus", users.toString()).code()).isEqualTo(2);
        assertThat(run("--format", "auth0", dir.resolve("missing.json").toString()).code()).isEqualTo(2);
        Ran unconfigured = run(() -> {
            throw new IllegalStateException("MFA_SECRET_KEY is required with an external database");
        }, "--format", "auth0", users.toString());
        assertThat(unconfigured.code()).isEqualTo(2);
        assertThat(unconfigured.err()).contains("MFA_SECRET_KEY is required");
    }

    @Test
    void answersOneForAFileThatIsNotAUsersFile() throws IOException {
        Ran ran = run("--format", "auth0", file("{\"not\": \"an array\"}").toString());
        assertThat(ran.code()).isEqualTo(1);
        assertThat(ran.err()).contains("INVALID_FILE");
    }
}
