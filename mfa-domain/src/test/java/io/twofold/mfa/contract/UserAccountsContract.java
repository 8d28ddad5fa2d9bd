package io.twofold.mfa.contract;

import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.Password;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserProfile.Names;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserQuery.Attribute;
import io.twofold.mfa.model.UserQuery.Field;
import io.twofold.mfa.model.UserSort;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UserAccounts.Outcome;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link UserAccounts} must do, searches and a race included; the store is also the
 * first factor's {@link UserDirectory}, so a block or a new password counts at the next login.
 * Extend it with a fresh, empty store per test.
 */
public abstract class UserAccountsContract {
    protected static final String DEFAULT = "Username-Password-Authentication";
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    protected UserAccounts store;
    protected UserDirectory directory;

    /** A fresh, empty store; called before every test. */
    protected abstract UserAccounts newStore();

    /** The first factor over the same users as {@link #newStore()}'s last result. */
    protected abstract UserDirectory directory();

    @BeforeEach
    protected void createStore() {
        store = newStore();
        directory = directory();
    }

    public static UserProfile user(String hex, String username, String email) {
        return new UserProfile(new UserId("auth0|" + hex), DEFAULT, Option.of(username),
                Option.of(email).map(EmailAddress::new), false, Option.none(), false,
                new Names(Option.none(), Option.none(), Option.of(email), Option.none()), Option.none(),
                Metadata.EMPTY, Metadata.EMPTY, false, T0, T0, Option.none());
    }

    private static UserProfile withMetadata(UserProfile u, Map<String, Object> user, Map<String, Object> app) {
        return new UserProfile(u.id(), u.connection(), u.username(), u.email(), u.emailVerified(), u.phoneNumber(),
                u.phoneVerified(), u.names(), u.picture(), new Metadata(user), new Metadata(app), u.blocked(),
                u.createdAt(), u.updatedAt(), u.lastPasswordReset());
    }

    private static UserProfile created(UserProfile u, Instant at) {
        return new UserProfile(u.id(), u.connection(), u.username(), u.email(), u.emailVerified(), u.phoneNumber(),
                u.phoneVerified(), u.names(), u.picture(), u.userMetadata(), u.appMetadata(), u.blocked(), at, at,
                u.lastPasswordReset());
    }

    private static UserProfile blocked(UserProfile u, boolean blocked) {
        return new UserProfile(u.id(), u.connection(), u.username(), u.email(), u.emailVerified(), u.phoneNumber(),
                u.phoneVerified(), u.names(), u.picture(), u.userMetadata(), u.appMetadata(), blocked, u.createdAt(),
                u.updatedAt().plusSeconds(1), u.lastPasswordReset());
    }

    private List<String> ids(UserQuery query) {
        return store.search(query, UserSort.DEFAULT, 0, 100).users().map(u -> u.id().value());
    }

    private static UserQuery term(Attribute attribute, String value, boolean prefix) {
        return new UserQuery.Term(new Field.Profile(attribute), value, prefix);
    }

    @Test
    public void keepsEveryFieldOfAProfile() {
        UserProfile full = new UserProfile(new UserId("auth0|0123456789abcdef01234567"), DEFAULT, Option.some("chuck"),
                Option.some(new EmailAddress("Chuck@Example.com")), true, Option.some("+15551234567"), true,
                new Names(Option.some("Chuck"), Option.some("Sanchez"), Option.some("Chuck S"), Option.some("Chucky")),
                Option.some("https://example.com/p.jpg"),
                new Metadata(Map.of("favourite", "roundhouse", "nested", Map.of("a", java.util.List.of(1L, "two", true)))),
                new Metadata(Map.of("plan", "gold", "score", 42L)), true, T0, T0.plusMillis(1500),
                Option.some(T0.plusSeconds(60)));

        assertThat(store.add(full, new Password("correct horse"))).isEqualTo(Outcome.SAVED);

        assertThat(store.find(full.id())).containsExactly(full);
        assertThat(store.find(new UserId("auth0|nobody"))).isEmpty();
    }

    @Test
    public void refusesASecondUserWithTheSameIdUsernameOrEmailInOneConnection() {
        store.add(user("a1", "alice", "alice@example.com"), new Password("password-1"));

        assertThat(store.add(user("a2", "ALICE", "other@example.com"), new Password("password-2"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.add(user("a3", "alice2", "Alice@Example.COM"), new Password("password-2"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.add(user("a1", "alice3", "alice3@example.com"), new Password("password-2"))).isEqualTo(Outcome.DUPLICATE);
        UserProfile elsewhere = user("a4", "alice", "alice@example.com");
        elsewhere = new UserProfile(elsewhere.id(), "Other-Connection", elsewhere.username(), elsewhere.email(), false,
                Option.none(), false, elsewhere.names(), Option.none(), Metadata.EMPTY, Metadata.EMPTY, false, T0, T0,
                Option.none());
        assertThat(store.add(elsewhere, new Password("password-2"))).as("another connection").isEqualTo(Outcome.SAVED);
        assertThat(store.search(UserQuery.ALL, UserSort.DEFAULT, 0, 10).total()).isEqualTo(2);
    }

    @Test
    public void addsAUserWithoutAUsername() {
        UserProfile noName = new UserProfile(new UserId("auth0|b1"), DEFAULT, Option.none(),
                Option.some(new EmailAddress("bob@example.com")), false, Option.none(), false, Names.NONE,
                Option.none(), Metadata.EMPTY, Metadata.EMPTY, false, T0, T0, Option.none());
        UserProfile other = new UserProfile(new UserId("auth0|b2"), DEFAULT, Option.none(),
                Option.some(new EmailAddress("carol@example.com")), false, Option.none(), false, Names.NONE,
                Option.none(), Metadata.EMPTY, Metadata.EMPTY, false, T0, T0, Option.none());

        assertThat(store.add(noName, new Password("password-1"))).isEqualTo(Outcome.SAVED);
        assertThat(store.add(other, new Password("password-1"))).isEqualTo(Outcome.SAVED);

        assertThat(store.find(noName.id())).containsExactly(noName);
        assertThat(directory.authenticate(Option.none(), "BOB@example.com", "password-1").map(u -> u.id()))
                .containsExactly(noName.id());
    }

    @Test
    public void knowsTheDefaultConnectionAndThoseThatHoldUsers() {
        assertThat(store.knowsConnection(DEFAULT)).isTrue();
        assertThat(store.knowsConnection("Other-Connection")).isFalse();
    }

    @Test
    public void updatesAProfileAndItsPassword() {
        UserProfile alice = user("a1", "alice", "alice@example.com");
        store.add(alice, new Password("password-1"));
        UserProfile changed = withMetadata(blocked(alice, false), Map.of("k", "v"), Map.of());

        assertThat(store.update(changed, Option.some(new Password("password-2")))).isEqualTo(Outcome.SAVED);

        assertThat(store.find(alice.id())).containsExactly(changed);
        assertThat(directory.authenticate(Option.none(), "alice", "password-1")).isEmpty();
        assertThat(directory.authenticate(Option.none(), "alice", "password-2")).isNotEmpty();
        assertThat(store.update(user("zz", "zed", "zed@example.com"), Option.none())).isEqualTo(Outcome.MISSING);
    }

    @Test
    public void refusesAnUpdateToAnotherUsersUsernameOrEmail() {
        store.add(user("a1", "alice", "alice@example.com"), new Password("password-1"));
        UserProfile bob = user("b1", "bob", "bob@example.com");
        store.add(bob, new Password("password-1"));

        assertThat(store.update(user("b1", "Alice", "bob@example.com"), Option.none())).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.update(user("b1", "bob", "ALICE@example.com"), Option.none())).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.find(bob.id())).containsExactly(bob);
    }

    @Test
    public void theFirstFactorSeesABlockAtOnce() {
        UserProfile alice = user("a1", "alice", "alice@example.com");
        store.add(alice, new Password("password-1"));
        assertThat(directory.authenticate(Option.none(), "alice", "password-1").map(u -> u.blocked())).containsExactly(false);

        store.update(blocked(alice, true), Option.none());

        assertThat(directory.authenticate(Option.none(), "alice", "password-1").map(u -> u.blocked())).containsExactly(true);
        assertThat(directory.authenticate(Option.none(), "alice", "wrong-password")).isEmpty();
        assertThat(directory.findById(alice.id()).map(u -> u.blocked())).containsExactly(true);
    }

    @Test
    public void removesAUser() {
        UserProfile alice = user("a1", "alice", "alice@example.com");
        store.add(alice, new Password("password-1"));

        assertThat(store.remove(alice.id())).isTrue();
        assertThat(store.remove(alice.id())).isFalse();

        assertThat(store.find(alice.id())).isEmpty();
        assertThat(directory.authenticate(Option.none(), "alice", "password-1")).isEmpty();
        assertThat(store.add(user("a2", "alice", "alice@example.com"), new Password("password-1")))
                .as("the username is free again").isEqualTo(Outcome.SAVED);
    }

    @Test
    public void searchesByProfileFieldsExactlyAndByPrefix() {
        store.add(user("a1", "alice", "alice@example.com"), new Password("password-1"));
        store.add(created(user("a2", "albert", "Albert@Example.com"), T0.plusSeconds(1)), new Password("password-1"));
        store.add(created(blocked(user("b1", "bob", "bob@example.org"), true), T0.plusSeconds(2)), new Password("password-1"));

        assertThat(ids(term(Attribute.EMAIL, "albert@example.com", false))).as("emails fold case").containsExactly("auth0|a2");
        assertThat(ids(term(Attribute.USERNAME, "al", true))).containsExactly("auth0|a1", "auth0|a2");
        assertThat(ids(term(Attribute.USERNAME, "al", false))).isEmpty();
        assertThat(ids(term(Attribute.USER_ID, "auth0|b1", false))).containsExactly("auth0|b1");
        assertThat(ids(term(Attribute.USER_ID, "AUTH0|b1", false))).as("ids are case-sensitive").isEmpty();
        assertThat(ids(term(Attribute.NAME, "ALICE@", true))).containsExactly("auth0|a1");
        assertThat(ids(term(Attribute.BLOCKED, "true", false))).containsExactly("auth0|b1");
        assertThat(ids(term(Attribute.CONNECTION, DEFAULT, false))).hasSize(3);
        assertThat(ids(term(Attribute.EMAIL, "100%_", true))).as("LIKE characters are literal").isEmpty();
    }

    @Test
    public void combinesTermsWithAndOrNot() {
        store.add(user("a1", "alice", "alice@example.com"), new Password("password-1"));
        store.add(created(user("a2", "albert", "albert@example.org"), T0.plusSeconds(1)), new Password("password-1"));
        store.add(created(user("b1", "bob", "bob@example.org"), T0.plusSeconds(2)), new Password("password-1"));

        UserQuery al = term(Attribute.USERNAME, "al", true);
        UserQuery org = term(Attribute.EMAIL, "b", true);
        assertThat(ids(new UserQuery.And(List.of(al, new UserQuery.Not(term(Attribute.USERNAME, "alice", false))))))
                .containsExactly("auth0|a2");
        assertThat(ids(new UserQuery.Or(List.of(term(Attribute.USERNAME, "alice", false), org))))
                .containsExactly("auth0|a1", "auth0|b1");
        assertThat(ids(new UserQuery.Not(al))).containsExactly("auth0|b1");
        assertThat(ids(new UserQuery.Not(term(Attribute.GIVEN_NAME, "x", false)))).as("a missing field is no match").hasSize(3);
    }

    @Test
    public void searchesTopLevelMetadataValues() {
        store.add(withMetadata(user("a1", "alice", "alice@example.com"), Map.of("team", "red", "tags", java.util.List.of("x", "y")),
                Map.of("plan", "gold", "level", 3L, "beta", true)), new Password("password-1"));
        store.add(created(withMetadata(user("b1", "bob", "bob@example.com"), Map.of("team", "Red"),
                Map.of("plan", "golden", "nested", Map.of("plan", "gold"))), T0.plusSeconds(1)), new Password("password-1"));

        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(true, "plan"), "gold", false))).containsExactly("auth0|a1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(true, "plan"), "gold", true))).containsExactly("auth0|a1", "auth0|b1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(false, "team"), "red", false))).as("metadata is case-sensitive")
                .containsExactly("auth0|a1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(false, "tags"), "y", false))).containsExactly("auth0|a1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(true, "level"), "3", false))).containsExactly("auth0|a1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(true, "beta"), "true", false))).containsExactly("auth0|a1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(false, "plan"), "gold", false))).as("user_metadata is apart")
                .isEmpty();

        UserProfile bob = store.find(new UserId("auth0|b1")).get();
        store.update(withMetadata(bob, Map.of(), Map.of("plan", "gold")), Option.none());
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(true, "plan"), "gold", false)))
                .as("an update re-indexes").containsExactly("auth0|a1", "auth0|b1");
        assertThat(ids(new UserQuery.Term(new Field.MetadataKey(false, "team"), "Red", false))).isEmpty();
    }

    @Test
    public void pagesWithAnExactTotalAndSorts() {
        for (int i = 0; i < 7; i++) {
            store.add(created(user("u" + i, "user" + i, "user" + (6 - i) + "@example.com"), T0.plusSeconds(i)),
                    new Password("password-1"));
        }

        UserPage second = store.search(UserQuery.ALL, UserSort.DEFAULT, 3, 3);
        assertThat(second.total()).isEqualTo(7);
        assertThat(second.users().map(u -> u.id().value())).containsExactly("auth0|u3", "auth0|u4", "auth0|u5");
        UserPage past = store.search(UserQuery.ALL, UserSort.DEFAULT, 30, 3);
        assertThat(past.users()).isEmpty();
        assertThat(past.total()).isEqualTo(7);
        assertThat(store.search(UserQuery.ALL, new UserSort(UserSort.Key.EMAIL, true), 0, 2).users().map(u -> u.id().value()))
                .containsExactly("auth0|u6", "auth0|u5");
        assertThat(store.search(UserQuery.ALL, new UserSort(UserSort.Key.CREATED_AT, false), 0, 2).users().map(u -> u.id().value()))
                .containsExactly("auth0|u6", "auth0|u5");
    }

    @Test
    public void ofTwoConcurrentCreatesOfOneUsernameOneWins() {
        try (Race race = new Race()) {
            for (int round = 0; round < 5; round++) {
                int r = round;
                long winners = race.countWinners(i -> store.add(
                        user("r" + r + "x" + i, "racer" + r, "racer" + r + "-" + i + "@example.com"),
                        new Password("password-1")) == Outcome.SAVED);
                assertThat(winners).as("round " + round).isEqualTo(1);
            }
        }
    }
}
