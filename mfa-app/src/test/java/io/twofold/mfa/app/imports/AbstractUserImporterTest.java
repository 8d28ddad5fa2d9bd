package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.otp.internal.Base32;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import engine against a real database: every member of Auth0's users file, the upsert rule,
 * duplicates, every refusal leaving nothing behind, broken and oversized files, and the Keycloak
 * fixture export. Subclasses pick H2 or PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractUserImporterTest {
    static final String REALM = "Username-Password-Authentication";
    /** Made by htpasswd -B (mfa-adapters-jdbc test resources hashes/make-hashes.sh). */
    static final String BCRYPT = "$2b$10$sMurq8/BPg0C8sYIINTlneggxkRVzmE0vCFW2KFiXAabilFbtUlke";
    static final String BCRYPT_PASSWORD = "bcrypt-Pw-1";
    /** Made by Python's hashlib (same script). */
    static final String PBKDF2 = "$pbkdf2-sha256$i=2000,l=32$Bdwap9reFALsCyNT4mClHw$0ZWdafmS70CVnsRETYs7yBkPFtbXDa5eILVh4WYE+Vg";
    static final String PBKDF2_PASSWORD = "pbkdf2-sha256-Pw";
    static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private TestDatabase database;
    JdbcStorage storage;
    UserImporter importer;

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        database = database();
        storage = database.start();
        importer = UserImporter.on(storage, new ImportLimits(50, 4096));
    }

    @AfterAll
    void stop() {
        storage.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.deleteAllRows();
        storage.clearCaches();
    }

    /** What one run reported. */
    record Run(Either<ImportError, ImportSummary> result, java.util.List<Integer> inserted,
               java.util.List<Integer> updated, java.util.List<ImportRejection> rejected) {
        ImportSummary summary() {
            return result.get();
        }

        ImportRejection rejection(int index) {
            return rejected.stream().filter(r -> r.index() == index).findFirst().orElseThrow();
        }
    }

    Run run(String json, ImportFormat format, boolean upsert) {
        return run(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), format, upsert);
    }

    Run run(InputStream file, ImportFormat format, boolean upsert) {
        java.util.List<Integer> inserted = new ArrayList<>();
        java.util.List<Integer> updated = new ArrayList<>();
        java.util.List<ImportRejection> rejected = new ArrayList<>();
        Either<ImportError, ImportSummary> result = importer.run(file, new ImportRequest(format, REALM, upsert),
                new ImportListener() {
                    @Override
                    public void inserted(int index) {
                        inserted.add(index);
                    }

                    @Override
                    public void updated(int index) {
                        updated.add(index);
                    }

                    @Override
                    public void rejected(ImportRejection rejection) {
                        rejected.add(rejection);
                    }
                });
        return new Run(result, inserted, updated, rejected);
    }

    Run auth0(String json) {
        return run(json, ImportFormat.AUTH0, false);
    }

    long count(String table) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    String storedHash(UserId id) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", id.value()).mapTo(String.class).one());
    }

    Option<User> login(String login, String password) {
        return storage.users().authenticate(Option.some(REALM), login, password);
    }

    // ---- Auth0 users file

    @Test
    void importsEveryMemberOfTheSchema() {
        Run run = auth0("""
                [{"email": "Ada@Example.com", "email_verified": true, "user_id": "legacy-1001", "username": "ada",
                  "given_name": "Ada", "family_name": "Lovelace", "name": "Ada Lovelace", "nickname": "countess",
                  "picture": "https://example.com/ada.png", "blocked": false,
                  "app_metadata": {"plan": "premium", "roles": ["admin"]}, "user_metadata": {"lang": "en", "n": 3},
                  "password_hash": "%s", "password_set_date": "2023-01-25T17:48:16.543Z",
                  "phone_number": "+15551234567", "phone_verified": true,
                  "mfa_factors": [{"totp": {"secret": "%s"}}, {"phone": {"value": "+15551112233"}},
                                  {"email": {"value": "ada.backup@example.com"}}]}]
                """.formatted(BCRYPT, SEED));

        assertThat(run.summary()).isEqualTo(new ImportSummary(1, 0, 0, 1));
        assertThat(run.inserted()).containsExactly(0);
        UserId id = new UserId("auth0|legacy-1001");
        UserProfile profile = storage.userAccounts().find(id).get();
        assertThat(profile.connection()).isEqualTo(REALM);
        assertThat(profile.username()).contains("ada");
        assertThat(profile.email().get().value()).isEqualTo("Ada@Example.com");
        assertThat(profile.emailVerified()).isTrue();
        assertThat(profile.names()).isEqualTo(new UserProfile.Names(Option.some("Ada"), Option.some("Lovelace"),
                Option.some("Ada Lovelace"), Option.some("countess")));
        assertThat(profile.picture()).contains("https://example.com/ada.png");
        assertThat(profile.phoneNumber()).contains("+15551234567");
        assertThat(profile.phoneVerified()).isTrue();
        assertThat(profile.appMetadata().values()).containsEntry("plan", "premium").containsKey("roles");
        assertThat(profile.userMetadata().values()).containsEntry("lang", "en");
        assertThat(profile.lastPasswordReset()).contains(java.time.Instant.parse("2023-01-25T17:48:16.543Z"));
        assertThat(profile.blocked()).isFalse();

        List<Authenticator> factors = storage.authenticators().findByUser(id);
        assertThat(factors.map(a -> a.id().kind())).containsExactly(AuthenticatorKind.TOTP, AuthenticatorKind.SMS,
                AuthenticatorKind.EMAIL);
        assertThat(factors.forAll(Authenticator::isActive)).isTrue();
        Factor.Totp totp = (Factor.Totp) factors.head().factor();
        assertThat(totp.seed().bytes()).isEqualTo(Base32.decode(SEED));
        assertThat(totp.parameters()).isEqualTo(TotpParameters.DEFAULT);
        assertThat(factors.map(Authenticator::factor).filter(f -> f instanceof Factor.Oob).map(f -> ((Factor.Oob) f).address()))
                .containsExactly("+15551112233", "ada.backup@example.com");

        assertThat(login("ada", "wrong password")).isEmpty();
        assertThat(storedHash(id)).isEqualTo(BCRYPT);
        assertThat(login("ada@example.com", BCRYPT_PASSWORD)).isNotEmpty();
        assertThat(storedHash(id)).as("rehashed at the first login").startsWith("$argon2id$");
        assertThat(login("ada", BCRYPT_PASSWORD)).isNotEmpty();
    }

    @Test
    void importsACustomPasswordHashAndAUserWithoutAPassword() {
        Run run = auth0("""
                [{"email": "pat@example.com", "custom_password_hash": {"algorithm": "pbkdf2",
                    "hash": {"value": "%s", "encoding": "utf8"}}},
                 {"email": "nopass@example.com", "blocked": true}]
                """.formatted(PBKDF2));

        assertThat(run.summary()).isEqualTo(new ImportSummary(2, 0, 0, 2));
        assertThat(login("pat@example.com", PBKDF2_PASSWORD)).isNotEmpty();
        assertThat(login("nopass@example.com", "")).isEmpty();
        assertThat(login("nopass@example.com", "anything")).isEmpty();
        UserProfile blocked = storage.userAccounts().search(io.twofold.mfa.model.UserQuery.ALL,
                io.twofold.mfa.model.UserSort.DEFAULT, 0, 10).users().find(u -> u.email().get().value().startsWith("nopass")).get();
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.id().value()).matches("auth0\\|[0-9a-f]{24}");
    }

    @Test
    void refusesAnExistingUserWithoutUpsertAndUpdatesWhatAuth0UpdatesWithIt() {
        String first = """
                [{"email": "bo@example.com", "username": "bo", "user_id": "b1", "given_name": "Bo", "blocked": true,
                  "user_metadata": {"v": 1}, "password_hash": "%s", "mfa_factors": [{"totp": {"secret": "%s"}}]}]
                """.formatted(BCRYPT, SEED);
        assertThat(auth0(first).summary()).isEqualTo(new ImportSummary(1, 0, 0, 1));

        Run again = auth0(first);
        assertThat(again.summary()).isEqualTo(new ImportSummary(0, 0, 1, 1));
        assertThat(again.rejection(0).errors().head().code()).isEqualTo(ImportError.DUPLICATED_USER);
        assertThat(again.rejection(0).errors().head().message())
                .isEqualTo("The user already exist and upsert parameter is false");

        String second = """
                [{"email": "BO@example.com", "username": "bo-renamed", "given_name": "Robert", "blocked": false,
                  "user_metadata": {"v": 2}, "email_verified": true,
                  "custom_password_hash": {"algorithm": "pbkdf2", "hash": {"value": "%s", "encoding": "utf8"}},
                  "mfa_factors": [{"totp": {"secret": "%s"}}, {"email": {"value": "bo2@example.com"}}]}]
                """.formatted(PBKDF2, SEED);
        Run upserted = run(second, ImportFormat.AUTH0, true);
        assertThat(upserted.summary()).isEqualTo(new ImportSummary(0, 1, 0, 1));
        UserProfile bo = storage.userAccounts().find(new UserId("auth0|b1")).get();
        assertThat(bo.username()).as("not updated").contains("bo");
        assertThat(bo.email().get().value()).as("not updated").isEqualTo("bo@example.com");
        assertThat(bo.blocked()).as("not updated").isTrue();
        assertThat(bo.names().givenName()).contains("Robert");
        assertThat(bo.userMetadata().values()).containsEntry("v", 2L);
        assertThat(bo.emailVerified()).isTrue();
        assertThat(storedHash(bo.id())).as("a custom_password_hash is updated").isEqualTo(PBKDF2);
        assertThat(storage.authenticators().findByUser(bo.id()).map(a -> a.id().kind()))
                .as("the same seed is kept, the new email added").containsExactly(AuthenticatorKind.TOTP, AuthenticatorKind.EMAIL);

        Run rerun = run(second, ImportFormat.AUTH0, true);
        assertThat(rerun.summary()).isEqualTo(new ImportSummary(0, 1, 0, 1));
        assertThat(storage.authenticators().findByUser(bo.id())).as("idempotent").hasSize(2);

        String bcryptUpsert = """
                [{"email": "bo@example.com", "password_hash": "%s"}]""".formatted(BCRYPT);
        run(bcryptUpsert, ImportFormat.AUTH0, true);
        assertThat(storedHash(bo.id())).as("a password_hash is not updated").isEqualTo(PBKDF2);
    }

    @Test
    void rejectsTheLaterOfTwoUsersWithTheSameEmailUsernameOrId() {
        Run run = auth0("""
                [{"email": "a@example.com", "username": "a", "user_id": "1"},
                 {"email": "A@EXAMPLE.COM"},
                 {"email": "b@example.com", "username": "A"},
                 {"email": "c@example.com", "user_id": "1"},
                 {"email": "d@example.com"}]""");

        assertThat(run.summary()).isEqualTo(new ImportSummary(2, 0, 3, 5));
        assertThat(run.inserted()).containsExactly(0, 4);
        for (int index : new int[] {1, 2, 3}) {
            assertThat(run.rejection(index).errors().head().code()).isEqualTo(ImportError.DUPLICATED_USER);
            assertThat(run.rejection(index).errors().head().message()).contains("index 0");
        }
        assertThat(count("users")).isEqualTo(2);
    }

    @Test
    void rejectsBadFactorsAndWritesNothingOfThatUser() {
        Run run = auth0("""
                [{"email": "docs@example.com", "password_hash": "%1$s", "mfa_factors": [{"totp": {"secret": "2PRX8ZWZAYYDAWCD"}}]},
                 {"email": "lower@example.com", "mfa_factors": [{"totp": {"secret": "jbswy3dpehpk3pxp"}}]},
                 {"email": "short@example.com", "mfa_factors": [{"totp": {"secret": "JBSWY3DP"}}]},
                 {"email": "phone@example.com", "mfa_factors": [{"email": {"value": "ok@example.com"}}, {"phone": {"value": "+1 (555) 123-4567"}}]},
                 {"email": "two@example.com", "mfa_factors": [{"phone": {"value": "+15551234567"}, "email": {"value": "x@example.com"}}]},
                 {"email": "push@example.com", "mfa_factors": [{"push": {"value": "x"}}]},
                 {"email": "many@example.com", "mfa_factors": %2$s},
                 {"email": "none@example.com", "mfa_factors": []},
                 {"email": "good@example.com", "mfa_factors": [{"totp": {"secret": "%3$s"}}]}]
                """.formatted(BCRYPT, List.fill(11, "{\"email\": {\"value\": \"m@example.com\"}}").mkString("[", ",", "]"), SEED));

        assertThat(run.summary()).isEqualTo(new ImportSummary(1, 0, 8, 9));
        for (int index = 0; index < 8; index++) {
            assertThat(run.rejection(index).errors().map(ImportError::code)).as("user %d", index)
                    .containsOnly(ImportError.MFA_FACTORS_FAILED);
        }
        assertThat(run.rejection(0).errors().head().path()).contains("mfa_factors[0].totp.secret");
        assertThat(run.rejection(3).errors().head().path()).contains("mfa_factors[1].phone.value");
        assertThat(count("users")).isEqualTo(1);
        assertThat(count("authenticators")).isEqualTo(1);
    }

    @Test
    void rejectsUnknownMembersHashesAndReservedKeysNamingThePath() {
        Run run = auth0("""
                [{"email": "x@example.com", "favourite_colour": "blue"},
                 {"email": "y@example.com", "custom_password_hash": {"algorithm": "rot13", "hash": {"value": "abc"}}},
                 {"email": "z@example.com", "password_hash": "$1$md5crypt$notsupported"},
                 {"email": "w@example.com", "app_metadata": {"blocked": true}},
                 {"email": "v@example.com", "custom_password_hash": {"algorithm": "sha256", "hash": {"value": "00", "encoding": "hex", "extra": 1}}},
                 {"username": "nomail"},
                 {"email": "not-an-email"},
                 {"email": "u@example.com", "email_verified": "yes", "phone_number": "555-1234"},
                 {"email": "t@example.com", "password_hash": "%s", "custom_password_hash": {"algorithm": "pbkdf2", "hash": {"value": "%s", "encoding": "utf8"}}},
                 "not an object"]
                """.formatted(BCRYPT, PBKDF2));

        assertThat(run.summary()).isEqualTo(new ImportSummary(0, 0, 10, 10));
        assertThat(run.rejected()).allSatisfy(r -> assertThat(r.errors().map(ImportError::code)).containsOnly(ImportError.INVALID_FORMAT));
        assertThat(run.rejection(0).errors().head().path()).contains("favourite_colour");
        assertThat(run.rejection(1).errors().head().path()).contains("custom_password_hash");
        assertThat(run.rejection(2).errors().head().path()).contains("password_hash");
        assertThat(run.rejection(3).errors().head().path()).contains("app_metadata.blocked");
        assertThat(run.rejection(4).errors().head().path()).contains("custom_password_hash.hash.extra");
        assertThat(run.rejection(5).errors().head().path()).contains("email");
        assertThat(run.rejection(7).errors().map(e -> e.path().get())).containsExactlyInAnyOrder("email_verified", "phone_number");
        assertThat(count("users")).isZero();
    }

    @Test
    void redactsEverySecretInTheErrorLines() {
        Run run = auth0("""
                [{"email": "s@example.com", "user_id": "s", "password_hash": "%1$s", "mfa_factors": [{"totp": {"secret": "%2$s8"}}]},
                 {"email": "t@example.com", "custom_password_hash": {"algorithm": "hmac", "hash": {"value": "c2VjcmV0aGFzaA==",
                   "encoding": "base64", "digest": "sha1", "key": {"value": "6b6579", "encoding": "hex"}},
                   "salt": {"value": "pepper123", "position": "prefix"}}, "unknown": 1}]
                """.formatted(BCRYPT, SEED));

        assertThat(run.rejected()).hasSize(2);
        String lines = run.rejected().toString();
        assertThat(lines).doesNotContain(BCRYPT).doesNotContain(SEED).doesNotContain("c2VjcmV0aGFzaA==")
                .doesNotContain("6b6579").doesNotContain("pepper123").contains("s@example.com").contains("[redacted]");
        JsonNode user = run.rejection(0).user();
        assertThat(user.path("password_hash").asText()).isEqualTo("[redacted]");
        assertThat(user.path("mfa_factors").get(0).path("totp").path("secret").asText()).isEqualTo("[redacted]");
    }

    // ---- the file as a whole

    @Test
    void refusesAFileThatIsNotAUsersArray() {
        assertThat(auth0("not json").result().getLeft().code()).isEqualTo(ImportError.INVALID_FILE);
        assertThat(auth0("{\"users\": []}").result().getLeft().code()).isEqualTo(ImportError.INVALID_FILE);
        assertThat(run("[]", ImportFormat.KEYCLOAK, false).result().getLeft().code()).isEqualTo(ImportError.INVALID_FILE);
        assertThat(auth0("[]").summary()).isEqualTo(new ImportSummary(0, 0, 0, 0));
        assertThat(run("{\"realm\": \"empty\"}", ImportFormat.KEYCLOAK, false).summary())
                .isEqualTo(new ImportSummary(0, 0, 0, 0));
    }

    @Test
    void keepsTheUsersBeforeMalformedJsonAndSaysWhereItStopped() {
        Run run = auth0("""
                [{"email": "one@example.com"}, {"email": "two@example.com"},
                 {"email": "three@example.com" "oops": 1}, {"email": "four@example.com"}]""");

        assertThat(run.summary()).isEqualTo(new ImportSummary(2, 0, 1, 3));
        ImportRejection broken = run.rejection(2);
        assertThat(broken.errors().head().code()).isEqualTo(ImportError.INVALID_FILE);
        assertThat(broken.errors().head().message()).contains("line 2").contains("from index 2 on were not read");
        assertThat(count("users")).isEqualTo(2);

        Run truncated = auth0("[{\"email\": \"five@example.com\"}, {\"email\": \"six@");
        assertThat(truncated.summary()).isEqualTo(new ImportSummary(1, 0, 1, 2));
    }

    @Test
    void skipsAUserOverTheSizeLimitAndStopsAtTheCountLimit() {
        String big = "{\"email\": \"big@example.com\", \"user_metadata\": {" + List.range(0, 400)
                .map(i -> "\"k" + i + "\": \"" + "v".repeat(20) + "\"").mkString(",") + "}}";
        Run run = auth0("[" + big + ", {\"email\": \"small@example.com\"}]");
        assertThat(run.summary()).isEqualTo(new ImportSummary(1, 0, 1, 2));
        assertThat(run.rejection(0).errors().head().code()).isEqualTo(ImportError.TOO_LARGE);

        database.deleteAllRows();
        Run many = auth0(List.range(0, 53).map(i -> "{\"email\": \"u" + i + "@example.com\"}").mkString("[", ",", "]"));
        assertThat(many.summary()).isEqualTo(new ImportSummary(50, 0, 1, 51));
        assertThat(many.rejection(50).errors().head().code()).isEqualTo(ImportError.TOO_LARGE);
        assertThat(count("users")).isEqualTo(50);
    }

    @Test
    void importsOneUserOnceWhenImportsRaceOnIt() throws Exception {
        String file = """
                [{"email": "race@example.com", "user_id": "race", "mfa_factors": [{"totp": {"secret": "%s"}}]}]""".formatted(SEED);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(threads.submit(() -> auth0(file)));
            }
            int inserted = 0;
            for (Future<Run> run : runs) {
                inserted += run.get().summary().inserted();
            }
            assertThat(inserted).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("users")).isEqualTo(1);
        assertThat(count("authenticators")).as("the losers' factors rolled back with them").isEqualTo(1);
    }

    // ---- Keycloak realm export

    @Test
    void importsEveryUserOfTheKeycloakFixtureWithTheirPasswordsAndOtpPolicies() throws IOException {
        Run run;
        try (InputStream file = resource("keycloak-26.5.6-realm-export.json")) {
            run = run(file, ImportFormat.KEYCLOAK, false);
        }
        assertThat(run.summary()).as(run.rejected().toString()).isEqualTo(new ImportSummary(17, 0, 0, 17));

        for (String[] line : csv()) {
            String username = line[0];
            User user = login(username, line[2]).getOrElseThrow(() -> new AssertionError(username + " cannot log in"));
            assertThat(user.email().get().value()).isEqualTo(line[1]);
            assertThat(login(username, line[2] + "x")).isEmpty();
            List<Authenticator> totps = storage.authenticators().findByUser(user.id())
                    .filter(a -> a.id().kind() == AuthenticatorKind.TOTP);
            if (line[4].isEmpty()) {
                assertThat(totps).as(username).isEmpty();
                continue;
            }
            Factor.Totp totp = (Factor.Totp) totps.single().factor();
            assertThat(totp.seed().bytes()).as(username).isEqualTo(Base32.decode(line[4]));
            assertThat(totp.parameters()).as(username).isEqualTo(new TotpParameters(
                    TotpParameters.Algorithm.valueOf(line[5].substring("Hmac".length())),
                    Integer.parseInt(line[6]), Integer.parseInt(line[7])));
        }
        UserProfile first = storage.userAccounts().find(new UserId("auth0|19fd0a04-7176-48c1-a342-2ee1fcd25d9f")).get();
        assertThat(first.names().givenName()).contains("Mover");
        assertThat(first.emailVerified()).isTrue();

        Run again;
        try (InputStream file = resource("keycloak-26.5.6-realm-export.json")) {
            again = run(file, ImportFormat.KEYCLOAK, true);
        }
        assertThat(again.summary()).isEqualTo(new ImportSummary(0, 17, 0, 17));
        assertThat(count("authenticators")).as("idempotent").isEqualTo(13);
    }

    @Test
    void refusesKeycloakCredentialsItCannotImport() {
        Run run = run("""
                {"realm": "r", "users": [
                  {"username": "webauthn-user", "credentials": [{"type": "webauthn", "credentialData": "{}"}]},
                  {"username": "hotp-user", "credentials": [{"type": "otp", "secretData": "{\\"value\\":\\"JBSWY3DPEHPK3PXP\\"}",
                    "credentialData": "{\\"subType\\":\\"hotp\\",\\"digits\\":6,\\"algorithm\\":\\"HmacSHA1\\",\\"secretEncoding\\":\\"BASE32\\"}"}]},
                  {"username": "disabled", "enabled": false, "attributes": {"dept": ["eng"], "tags": ["a", "b"]}}]}
                """, ImportFormat.KEYCLOAK, false);

        assertThat(run.summary()).isEqualTo(new ImportSummary(1, 0, 2, 3));
        assertThat(run.rejection(0).errors().head().code()).isEqualTo(ImportError.MFA_FACTORS_FAILED);
        assertThat(run.rejection(1).errors().head().code()).isEqualTo(ImportError.MFA_FACTORS_FAILED);
        assertThat(run.rejection(1).toString()).doesNotContain("JBSWY3DPEHPK3PXP");
        UserProfile disabled = storage.userAccounts().search(io.twofold.mfa.model.UserQuery.ALL,
                io.twofold.mfa.model.UserSort.DEFAULT, 0, 10).users().single();
        assertThat(disabled.blocked()).isTrue();
        assertThat(disabled.userMetadata().values()).containsEntry("dept", "eng").containsEntry("tags", java.util.List.of("a", "b"));
    }

    static InputStream resource(String name) {
        return Objects.requireNonNull(AbstractUserImporterTest.class.getResourceAsStream("/keycloak/" + name), name);
    }

    /** username, email, password, scheme, base32, algorithm, digits, period. */
    static java.util.List<String[]> csv() throws IOException {
        try (InputStream in = resource("keycloak-26.5.6-realm-export.users.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1)).toList();
        }
    }
}
