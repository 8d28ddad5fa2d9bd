package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.contract.Race;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.users.hashes.Auth0PasswordHashes;
import io.twofold.mfa.jdbc.users.hashes.CustomPasswordHash;
import io.twofold.mfa.jdbc.users.hashes.HashFixtures;
import io.twofold.mfa.jdbc.users.hashes.HashFixtures.Fixture;
import io.twofold.mfa.jdbc.users.hashes.KeycloakFixture;
import io.twofold.mfa.jdbc.users.hashes.KeycloakFixture.KeycloakUser;
import io.twofold.mfa.jdbc.users.hashes.KeycloakPasswordHashes;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users imported with hashes made elsewhere log in with their old passwords, once in the old
 * scheme, then through Argon2id; subclassed for H2 and PostgreSQL.
 */
abstract class ImportedPasswordsTest {
    private static final String REALM = JdbcUserDirectory.DEFAULT_REALM;
    private static final Option<String> DEFAULT = Option.none();
    private static final String BCRYPT_PW = "bcrypt-Pw-1";

    protected abstract DatabaseExtension db();

    /** Counts every hash that takes a permit (Argon2id's own and the costly imported schemes'). */
    private final AtomicInteger permitsTaken = new AtomicInteger();
    private volatile Runnable onPermit = () -> { };
    private Argon2idHasher hasher;
    private JdbcUserDirectory users;

    @BeforeEach
    void directory() {
        hasher = new Argon2idHasher(TestDatabases.CHEAP_HASHING, new SecureRandom(), 4, () -> {
            permitsTaken.incrementAndGet();
            onPermit.run();
        });
        users = new JdbcUserDirectory(new Handles(db().storage().jdbi()), hasher, new SecureRandom(), Clock.systemUTC(),
                Duration.ZERO, System::nanoTime);
        permitsTaken.set(0);
    }

    static Stream<Fixture> fixtures() {
        return HashFixtures.committed().toJavaStream();
    }

    static Stream<KeycloakUser> keycloakUsers() {
        return KeycloakFixture.users().toJavaStream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theFirstLoginVerifiesTheImportedHashAndRewritesItToArgon2id(Fixture fixture) {
        StoredHash imported = fixture.stored().get();
        UserId id = users.importUser(REALM, "user-" + fixture.name(), Option.none(), imported, false).get().id();
        assertThat(passwordHash(id)).isEqualTo(imported.encoded());

        assertThat(users.authenticate(DEFAULT, "user-" + fixture.name(), fixture.password() + "-wrong")).isEmpty();
        assertThat(passwordHash(id)).as("a wrong password changes nothing").isEqualTo(imported.encoded());

        assertThat(users.authenticate(DEFAULT, "user-" + fixture.name(), fixture.password()).map(User::id)).containsExactly(id);
        String upgraded = passwordHash(id);
        assertThat(upgraded).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(hasher.isCurrent(upgraded)).isTrue();

        assertThat(users.authenticate(DEFAULT, "user-" + fixture.name(), fixture.password()).map(User::id)).containsExactly(id);
        assertThat(users.authenticate(DEFAULT, "user-" + fixture.name(), fixture.password() + "-wrong")).isEmpty();
        assertThat(passwordHash(id)).as("rewritten once, then left alone").isEqualTo(upgraded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keycloakUsers")
    void keycloakUsersLogInWithTheirPasswordsThenThroughArgon2id(KeycloakUser user) {
        StoredHash stored = KeycloakPasswordHashes.fromCredential(user.credential()).get();
        UserId id = users.importUser(REALM, user.username(), Option.some(user.email()), stored, false).get().id();

        assertThat(users.authenticate(DEFAULT, user.email(), user.password()).map(User::id)).containsExactly(id);
        assertThat(hasher.isCurrent(passwordHash(id))).isTrue();
        assertThat(users.authenticate(DEFAULT, user.username(), user.password()).map(User::id)).containsExactly(id);
    }

    @Test
    void aWrongPasswordCostsAtLeastWhatAnUnknownUserCosts() {
        users.importUser(REALM, "weak", Option.none(), fixture("sha256-plain-hex").stored().get(), false);
        users.importUser(REALM, "bcrypt", Option.none(), fixture("bcrypt-2y").stored().get(), false);
        users.upsertUser(REALM, "current", Option.none(), "current-pw");

        assertThat(permitsFor(() -> users.authenticate(DEFAULT, "nobody", "pw"))).as("the dummy Argon2id").isEqualTo(1);
        assertThat(permitsFor(() -> users.authenticate(DEFAULT, "current", "wrong"))).as("the user's Argon2id").isEqualTo(1);
        assertThat(permitsFor(() -> users.authenticate(DEFAULT, "weak", "wrong"))).as("SHA-256, then the dummy").isEqualTo(1);
        assertThat(permitsFor(() -> users.authenticate(DEFAULT, "bcrypt", "wrong"))).as("bcrypt, then the dummy").isEqualTo(2);
        assertThat(permitsFor(() -> users.authenticate(DEFAULT, "bcrypt", BCRYPT_PW))).as("bcrypt, then the rehash").isEqualTo(2);
    }

    @Test
    void twoFirstLoginsAtOnceBothSucceedAndLeaveOneArgon2idHash() {
        UserId id = users.importUser(REALM, "racer", Option.none(), fixture("bcrypt-2y").stored().get(), false).get().id();
        // Each login waits inside its bcrypt check until the other is in its own: both have read the bcrypt row.
        CountDownLatch bothChecking = new CountDownLatch(2);
        ThreadLocal<Boolean> waited = ThreadLocal.withInitial(() -> false);
        onPermit = () -> {
            if (!waited.get()) {
                waited.set(true);
                bothChecking.countDown();
                await(bothChecking);
            }
        };

        List<Option<User>> logins;
        try (Race race = new Race(2)) {
            logins = race.run(i -> users.authenticate(DEFAULT, "racer", BCRYPT_PW));
        }

        assertThat(bothChecking.getCount()).isZero();
        assertThat(logins).allSatisfy(login -> assertThat(login.map(User::id)).containsExactly(id));
        String hash = passwordHash(id);
        assertThat(hasher.isCurrent(hash)).isTrue();
        assertThat(hasher.verify(BCRYPT_PW, hash)).isTrue();
    }

    @Test
    void aPasswordChangedDuringTheFirstLoginIsNotOverwritten() {
        users.importUser(REALM, "changer", Option.none(), fixture("bcrypt-2y").stored().get(), false);
        AtomicBoolean changed = new AtomicBoolean();
        // While the login checks the bcrypt hash it read, the password is changed (another node, an operator).
        onPermit = () -> {
            if (changed.compareAndSet(false, true)) {
                users.upsertUser(REALM, "changer", Option.none(), "the-new-password");
            }
        };

        assertThat(users.authenticate(DEFAULT, "changer", BCRYPT_PW)).as("it matched the row it read").isNotEmpty();
        onPermit = () -> { };

        assertThat(users.authenticate(DEFAULT, "changer", BCRYPT_PW)).isEmpty();
        assertThat(users.authenticate(DEFAULT, "changer", "the-new-password")).isNotEmpty();
    }

    @Test
    void anOutdatedArgon2idIsRewrittenWithTheCurrentParameters() {
        String older = new Argon2idHasher(new PasswordHashing(128, 2, 1, 16, 32), new SecureRandom()).hash("old-params");
        UserId id = users.importUser(REALM, "older", Option.none(), StoredHash.parse(older).get(), false).get().id();

        assertThat(users.authenticate(DEFAULT, "older", "old-params")).isNotEmpty();

        assertThat(passwordHash(id)).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    }

    @Test
    void aWeakImportedSchemeIsNeverUsedForANewPassword() {
        UserId id = users.importUser(REALM, "weakling", Option.none(), fixture("md5-plain-hex").stored().get(), false)
                .get().id();

        users.upsertUser(REALM, "weakling", Option.none(), "a-new-password");

        assertThat(hasher.isCurrent(passwordHash(id))).isTrue();
        assertThat(users.authenticate(DEFAULT, "weakling", "a-new-password")).isNotEmpty();
    }

    @Test
    void anImportRefusesAnExistingUserUnlessItUpserts() {
        StoredHash first = fixture("sha1-plain-base64").stored().get();
        StoredHash second = fixture("ldap-SSHA").stored().get();
        ImportedUser created = users.importUser(REALM, "Ivy", Option.some("ivy@example.com"), first, false).get();

        assertThat(created.created()).isTrue();
        assertThat(created.id().value()).matches("auth0\\|[0-9a-f]{24}");
        assertThat(users.importUser(REALM, "IVY", Option.none(), second, false).getLeft())
                .isEqualTo("user Ivy already exists and upsert is false");
        assertThat(passwordHash(created.id())).isEqualTo(first.encoded());

        assertThat(users.importUser(REALM, "ivy", Option.some("ivy@example.org"), second, true))
                .containsExactly(new ImportedUser(created.id(), false));
        assertThat(passwordHash(created.id())).isEqualTo(second.encoded());
        assertThat(users.findById(created.id())).containsExactly(
                new User(created.id(), "Ivy", Option.some(new EmailAddress("ivy@example.org"))));
        assertThat(users.authenticate(DEFAULT, "ivy@example.org", fixture("ldap-SSHA").password())).isNotEmpty();
    }

    @Test
    void anImportRefusesAnInvalidEmailNamingTheUserNotTheHash() {
        StoredHash hash = fixture("bcrypt-2y").stored().get();

        String reason = users.importUser(REALM, "jack", Option.some("not-an-email"), hash, false).getLeft();

        assertThat(reason).contains("jack").doesNotContain(hash.encoded());
        assertThat(users.importUser(" ", "jack", Option.none(), hash, false).getLeft()).contains("realm and a username");
    }

    @Test
    void aHashNoSchemeCanReadMatchesNothing() {
        UserId id = users.importUser(REALM, "kim", Option.none(), fixture("md5-plain-hex").stored().get(), false).get().id();
        db().storage().jdbi().useHandle(handle -> handle.createUpdate("UPDATE users SET password_hash = 'garbage' WHERE id = :id")
                .bind("id", id.value()).execute());

        assertThat(users.authenticate(DEFAULT, "kim", "garbage")).isEmpty();
        assertThat(users.authenticate(DEFAULT, "kim", "")).isEmpty();
    }

    @Test
    void theColumnHoldsALongHmacHash() {
        String key = "k".repeat(300);
        StoredHash hmac = Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("hmac",
                new CustomPasswordHash.Hash(hmacSha512("long-key-pw", key), Option.some("hex"), Option.some("sha512"),
                        Option.some(new CustomPasswordHash.Key(key, Option.none()))))).get();
        assertThat(hmac.encoded().length()).isGreaterThan(255);

        users.importUser(REALM, "long", Option.none(), hmac, false).get();

        assertThat(users.authenticate(DEFAULT, "long", "long-key-pw")).isNotEmpty();
    }

    private int permitsFor(Runnable login) {
        permitsTaken.set(0);
        login.run();
        return permitsTaken.get();
    }

    private static Fixture fixture(String name) {
        return HashFixtures.committed().find(f -> f.name().equals(name)).getOrElseThrow(() -> new AssertionError(name));
    }

    private String passwordHash(UserId id) {
        return db().storage().jdbi().withHandle(handle -> handle.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", id.value()).mapTo(String.class).one());
    }

    private static String hmacSha512(String password, String key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA512"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
