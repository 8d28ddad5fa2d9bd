package io.twofold.mfa.contract;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshFamilyId;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RefreshTokenStore} must do, races included. Extend it with a fresh, empty store per test. */
public abstract class RefreshTokenStoreContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final UserId ALICE = new UserId("auth0|alice");
    private static final UserId BOB = new UserId("auth0|bob");

    protected RefreshTokenStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract RefreshTokenStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    /** A family of alice's for client-1, 30 days absolute and 15 days idle from T0. */
    public static RefreshFamily family(String id, UserId user) {
        return RefreshFamily.open(new RefreshFamilyId(id), user, new ClientId("client-1"),
                Option.some("https://api.example.com/"), Scope.parse("openid profile offline_access"), true, T0,
                RefreshTokenPolicy.DEFAULT);
    }

    private static SecretHash hash(String token) {
        return SecretHash.of(token);
    }

    @Test
    public void findsAFamilyByTheHashOfItsToken() {
        RefreshFamily full = family("fam-1", ALICE);
        RefreshFamily bare = new RefreshFamily(new RefreshFamilyId("fam-2"), BOB, new ClientId("client-2"), Option.none(),
                Scope.EMPTY, false, T0.plusSeconds(5), Option.none(), Option.none(), Option.none());
        store.open(full, hash("token-1"));
        store.open(bare, hash("token-2"));

        assertThat(store.find(hash("token-1"))).containsExactly(new PresentedRefreshToken(hash("token-1"), full, false));
        assertThat(store.find(hash("token-2"))).containsExactly(new PresentedRefreshToken(hash("token-2"), bare, false));
        assertThat(store.find(hash("token-3"))).isEmpty();
    }

    @Test
    public void rotationRetiresTheTokenOnceAndAddsTheNextToTheFamily() {
        store.open(family("fam-1", ALICE), hash("a"));
        Option<Instant> idle = Option.some(T0.plus(Duration.ofDays(20)));

        assertThat(store.rotate(hash("a"), hash("b"), T0.plusSeconds(60), idle)).isTrue();
        assertThat(store.rotate(hash("a"), hash("c"), T0.plusSeconds(61), idle)).isFalse();

        PresentedRefreshToken old = store.find(hash("a")).get();
        PresentedRefreshToken next = store.find(hash("b")).get();
        assertThat(old.retired()).isTrue();
        assertThat(next.retired()).isFalse();
        assertThat(next.family().id()).isEqualTo(new RefreshFamilyId("fam-1"));
        assertThat(next.family().idleExpiresAt()).isEqualTo(idle);
        assertThat(store.find(hash("c"))).isEmpty();
        assertThat(store.rotate(hash("b"), hash("c"), T0.plusSeconds(62), idle)).isTrue();
    }

    @Test
    public void nothingRotatesInARevokedFamily() {
        store.open(family("fam-1", ALICE), hash("a"));

        assertThat(store.revokeFamily(new RefreshFamilyId("fam-1"), T0.plusSeconds(10))).isTrue();
        assertThat(store.revokeFamily(new RefreshFamilyId("fam-1"), T0.plusSeconds(11))).isFalse();

        assertThat(store.rotate(hash("a"), hash("b"), T0.plusSeconds(60), Option.none())).isFalse();
        assertThat(store.touch(new RefreshFamilyId("fam-1"), Option.none())).isFalse();
        assertThat(store.find(hash("a")).get().family().revokedAt()).containsExactly(T0.plusSeconds(10));
        assertThat(store.find(hash("b"))).isEmpty();
    }

    @Test
    public void revokingAFamilyKillsItsRotatedTokensToo() {
        store.open(family("fam-1", ALICE), hash("a"));
        store.rotate(hash("a"), hash("b"), T0.plusSeconds(60), Option.none());

        store.revokeFamily(new RefreshFamilyId("fam-1"), T0.plusSeconds(70));

        assertThat(store.find(hash("a")).get().family().isRevoked()).isTrue();
        assertThat(store.find(hash("b")).get().family().isRevoked()).isTrue();
    }

    @Test
    public void touchMovesTheIdleExpiryOfALiveFamily() {
        store.open(family("fam-1", ALICE), hash("a"));
        Option<Instant> later = Option.some(T0.plus(Duration.ofDays(16)));

        assertThat(store.touch(new RefreshFamilyId("fam-1"), later)).isTrue();

        assertThat(store.find(hash("a")).get().family().idleExpiresAt()).isEqualTo(later);
        assertThat(store.find(hash("a")).get().retired()).isFalse();
        assertThat(store.touch(new RefreshFamilyId("unknown"), later)).isFalse();
    }

    @Test
    public void revokesEveryFamilyOfOneUserAndNoOtherUsers() {
        store.open(family("fam-1", ALICE), hash("a1"));
        store.open(family("fam-2", ALICE), hash("a2"));
        store.open(family("fam-3", BOB), hash("b1"));
        store.revokeFamily(new RefreshFamilyId("fam-2"), T0);

        assertThat(store.revokeUser(ALICE, T0.plusSeconds(5))).isEqualTo(1);

        assertThat(store.find(hash("a1")).get().family().revokedAt()).containsExactly(T0.plusSeconds(5));
        assertThat(store.find(hash("a2")).get().family().revokedAt()).containsExactly(T0);
        assertThat(store.find(hash("b1")).get().family().isRevoked()).isFalse();
        assertThat(store.revokeUser(ALICE, T0.plusSeconds(6))).isZero();
    }

    @Test
    public void removesFamiliesThatExpiredOrWereRevokedBeforeTheCutoffWithTheirTokens() {
        RefreshFamily absolute = new RefreshFamily(new RefreshFamilyId("absolute"), ALICE, new ClientId("client-1"),
                Option.none(), Scope.EMPTY, false, T0, Option.some(T0.plusSeconds(100)), Option.none(), Option.none());
        RefreshFamily idle = new RefreshFamily(new RefreshFamilyId("idle"), ALICE, new ClientId("client-1"),
                Option.none(), Scope.EMPTY, false, T0, Option.none(), Option.some(T0.plusSeconds(100)), Option.none());
        RefreshFamily forever = new RefreshFamily(new RefreshFamilyId("forever"), ALICE, new ClientId("client-1"),
                Option.none(), Scope.EMPTY, false, T0, Option.none(), Option.none(), Option.none());
        RefreshFamily live = family("live", ALICE);
        RefreshFamily revoked = family("revoked", ALICE);
        store.open(absolute, hash("absolute"));
        store.open(idle, hash("idle"));
        store.open(forever, hash("forever"));
        store.open(live, hash("live"));
        store.open(revoked, hash("revoked"));
        store.rotate(hash("absolute"), hash("absolute-2"), T0.plusSeconds(1), Option.none());
        store.revokeFamily(revoked.id(), T0.plusSeconds(50));

        assertThat(store.removeExpired(T0.plusSeconds(100))).isEqualTo(1);
        assertThat(store.removeExpired(T0.plusSeconds(101))).isEqualTo(2);

        assertThat(store.find(hash("absolute"))).isEmpty();
        assertThat(store.find(hash("absolute-2"))).isEmpty();
        assertThat(store.find(hash("idle"))).isEmpty();
        assertThat(store.find(hash("revoked"))).isEmpty();
        assertThat(store.find(hash("forever"))).isNotEmpty();
        assertThat(store.find(hash("live"))).isNotEmpty();
    }

    @Test
    public void ofManyConcurrentRotationsOfOneTokenExactlyOneWins() {
        store.open(family("fam-1", ALICE), hash("a"));
        List<Boolean> results;
        try (Race race = new Race()) {
            results = race.run(i -> store.rotate(hash("a"), hash("next-" + i), T0.plusSeconds(60), Option.none()));
        }

        assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
        int winner = results.indexOf(true);
        for (int i = 0; i < results.size(); i++) {
            assertThat(store.find(hash("next-" + i)).isDefined()).isEqualTo(i == winner);
        }
    }

    @Test
    public void ofManyConcurrentRevocationsOfOneFamilyExactlyOneRevokes() {
        store.open(family("fam-1", ALICE), hash("a"));
        long winners;
        try (Race race = new Race()) {
            winners = race.countWinners(i -> store.revokeFamily(new RefreshFamilyId("fam-1"), T0.plusSeconds(i)));
        }

        assertThat(winners).isEqualTo(1);
    }
}
