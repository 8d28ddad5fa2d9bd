package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.jdbc.testing.StatementCounter;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC user directory on one database; subclassed for H2 and PostgreSQL. */
abstract class UserDirectoryTest {
    private static final Option<String> DEFAULT = Option.none();

    protected abstract DatabaseExtension db();

    private JdbcUserDirectory users;

    @BeforeEach
    void directory() {
        users = db().storage().users();
    }

    @Test
    void authenticatesWithTheRightPasswordOnly() {
        UserId id = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "alice", Option.some("alice@example.com"), "correct horse");

        assertThat(users.authenticate(DEFAULT, "alice", "correct horse"))
                .containsExactly(new User(id, "alice", Option.some(new EmailAddress("alice@example.com"))));
        assertThat(users.authenticate(DEFAULT, "alice", "correct horse ")).isEmpty();
        assertThat(users.authenticate(DEFAULT, "alice", "")).isEmpty();
        assertThat(users.authenticate(DEFAULT, "alice", null)).isEmpty();
    }

    @Test
    void answersAnUnknownUserLikeAWrongPassword() {
        users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "alice", Option.none(), "correct horse");

        assertThat(users.authenticate(DEFAULT, "mallory", "correct horse")).isEmpty();
        assertThat(users.authenticate(DEFAULT, null, "correct horse")).isEmpty();
        assertThat(users.findById(new UserId("auth0|000000000000000000000000"))).isEmpty();
    }

    @Test
    void findsUsersByUsernameOrEmailWhateverTheCase() {
        UserId id = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "Alice", Option.some("Alice@Example.com"), "pw-1");

        assertThat(users.authenticate(DEFAULT, "ALICE", "pw-1").map(User::id)).containsExactly(id);
        assertThat(users.authenticate(DEFAULT, "alice@example.COM", "pw-1").map(User::id)).containsExactly(id);
        assertThat(users.findById(id).map(User::username)).containsExactly("Alice");
    }

    @Test
    void namesOneAccountForEverySpellingThatLogsInAsIt() {
        users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "alice", Option.some("alice@example.com"), "pw-1");
        users.upsertUser("staff", "alice", Option.none(), "pw-2");
        String alice = users.accountKey(Option.none(), "alice");

        assertThat(List.of(users.accountKey(Option.none(), " ALICE\t"), users.accountKey(Option.none(), "Alice@Example.com"),
                users.accountKey(Option.some(JdbcUserDirectory.DEFAULT_REALM), "alice "))).containsOnly(alice);
        assertThat(users.accountKey(Option.some("staff"), "alice")).as("another realm's alice").isNotEqualTo(alice);
        assertThat(users.accountKey(Option.none(), " Nobody ")).isEqualTo(users.accountKey(Option.none(), "nobody"))
                .isNotEqualTo(users.accountKey(Option.some("staff"), "nobody"));
    }

    @Test
    void keepsRealmsApart() {
        UserId inDefault = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "alice", Option.none(), "default-pw");
        UserId inStaff = users.upsertUser("staff", "alice", Option.none(), "staff-pw");

        assertThat(inStaff).isNotEqualTo(inDefault);
        assertThat(users.authenticate(DEFAULT, "alice", "default-pw").map(User::id)).containsExactly(inDefault);
        assertThat(users.authenticate(Option.some("staff"), "alice", "staff-pw").map(User::id)).containsExactly(inStaff);
        assertThat(users.authenticate(Option.some("staff"), "alice", "default-pw")).isEmpty();
        assertThat(users.authenticate(Option.some("other"), "alice", "default-pw")).isEmpty();
    }

    @Test
    void upsertsIdempotentlyWithoutRehashingAPasswordThatStillVerifies() {
        UserId first = users.upsertUser("staff", "bob", Option.some("bob@example.com"), "pw-1");
        String hash = passwordHash(first);

        assertThat(users.upsertUser("staff", "BOB", Option.some("bob@example.com"), "pw-1")).isEqualTo(first);
        assertThat(passwordHash(first)).isEqualTo(hash);

        assertThat(users.upsertUser("staff", "bob", Option.some("robert@example.com"), "pw-2")).isEqualTo(first);
        assertThat(passwordHash(first)).isNotEqualTo(hash);
        assertThat(users.authenticate(Option.some("staff"), "bob", "pw-1")).isEmpty();
        assertThat(users.authenticate(Option.some("staff"), "robert@example.com", "pw-2").map(User::id)).containsExactly(first);
        assertThat(users.authenticate(Option.some("staff"), "bob@example.com", "pw-2")).isEmpty();
    }

    @Test
    void givesAuth0StyleIdsAndStoresOnlyArgon2idHashes() {
        UserId id = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "carol", Option.none(), "carol-secret-pw");

        assertThat(id.value()).matches("auth0\\|[0-9a-f]{24}");
        assertThat(passwordHash(id))
                .startsWith("$argon2id$v=19$m=64,t=1,p=1$")
                .doesNotContain("carol-secret-pw");
    }

    @Test
    void rejectsAnInvalidEmailNamingTheUserNotThePassword() {
        assertThatThrownBy(() -> users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "dave", Option.some("not-an-email"), "dave-pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dave")
                .hasMessageNotContaining("dave-pw");
    }

    @Test
    void findsAProfileByIdAgainFromTheCacheWithoutThePasswordHash() {
        UserId id = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "erin", Option.some("erin@example.com"), "erin-pw");
        User erin = new User(id, "erin", Option.some(new EmailAddress("erin@example.com")));
        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            assertThat(users.findById(id)).containsExactly(erin);
            assertThat(counter.statements()).singleElement().asString()
                    .contains("id, username, email").doesNotContain("password_hash").doesNotContain("*");
            counter.reset();

            assertThat(users.findById(id)).containsExactly(erin);
            assertThat(counter.statements()).isEmpty();
        }
    }

    @Test
    void aRightPasswordLeavesTheProfileForTheTokensThatFollow() {
        UserId id = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "hank", Option.none(), "hank-pw");
        assertThat(users.authenticate(DEFAULT, "hank", "wrong-pw")).isEmpty();
        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            assertThat(users.authenticate(DEFAULT, "hank", "hank-pw")).isNotEmpty();
            counter.reset();

            assertThat(users.findById(id).map(User::username)).containsExactly("hank");
            assertThat(counter.statements()).isEmpty();
        }
    }

    @Test
    void readsTheRowForEveryPasswordCheck() {
        users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "frank", Option.none(), "frank-pw");
        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            users.authenticate(DEFAULT, "frank", "frank-pw");
            users.authenticate(DEFAULT, "frank", "frank-pw");

            assertThat(counter.statements()).hasSize(2);
        }
    }

    @Test
    void anUpsertThroughTheDirectoryReplacesTheCachedProfileAtOnce() {
        UserId id = users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "gina", Option.some("gina@example.com"), "gina-pw");
        assertThat(users.findById(id).flatMap(User::email)).containsExactly(new EmailAddress("gina@example.com"));

        users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "gina", Option.some("gina@example.org"), "gina-pw");

        assertThat(users.findById(id).flatMap(User::email)).containsExactly(new EmailAddress("gina@example.org"));
    }

    private String passwordHash(UserId id) {
        return db().storage().jdbi().withHandle(handle -> handle.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", id.value()).mapTo(String.class).one());
    }
}
