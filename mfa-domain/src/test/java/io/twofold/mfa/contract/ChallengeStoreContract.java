package io.twofold.mfa.contract;

import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.ChallengeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static io.twofold.mfa.fake.Authenticators.id;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ChallengeStore} must do, races included. Extend it with a fresh, empty store per test. */
public abstract class ChallengeStoreContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final int ROUNDS = 20;
    /** Fewer attempts than racing threads, so the limit is what the race decides. */
    protected static final int BUDGET = 10;

    protected ChallengeStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract ChallengeStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    /** A new, unused challenge for the {@code oob_code} named {@code oobCode}, binding code 123456. */
    public static OobChallenge challenge(String id, String oobCode) {
        return new OobChallenge(new ChallengeId(id), SecretHash.of(oobCode), SecretHash.of(oobCode, "123456"),
                id(AuthenticatorKind.SMS, 1), new UserId("auth0|alice"), T0, T0.plus(Duration.ofMinutes(5)), 0, false);
    }

    @Test
    public void findsAChallengeByTheHashOfItsOobCode() {
        OobChallenge sms = challenge("ch-1", "oob-1");
        OobChallenge email = new OobChallenge(new ChallengeId("ch-2"), SecretHash.of("oob-2"),
                SecretHash.of("oob-2", "654321"), id(AuthenticatorKind.EMAIL, 2), new UserId("auth0|bob"),
                T0.plusSeconds(1), T0.plusSeconds(301), 0, false);
        store.add(sms);
        store.add(email);

        assertThat(store.findByCodeHash(SecretHash.of("oob-1"))).containsExactly(sms);
        assertThat(store.findByCodeHash(SecretHash.of("oob-2"))).containsExactly(email);
        assertThat(store.findByCodeHash(SecretHash.of("oob-3"))).isEmpty();
    }

    @Test
    public void removesTheChallengesSentToRemovedAuthenticators() {
        OobChallenge sms = challenge("ch-1", "oob-1");
        OobChallenge email = new OobChallenge(new ChallengeId("ch-2"), SecretHash.of("oob-2"),
                SecretHash.of("oob-2", "654321"), id(AuthenticatorKind.EMAIL, 2), new UserId("auth0|alice"),
                T0, T0.plusSeconds(300), 0, false);
        store.add(sms);
        store.add(email);

        assertThat(store.removeByAuthenticators(io.vavr.collection.List.of(sms.authenticatorId(),
                id(AuthenticatorKind.VOICE, 1)))).isEqualTo(1);

        assertThat(store.findByCodeHash(SecretHash.of("oob-1"))).isEmpty();
        assertThat(store.findByCodeHash(SecretHash.of("oob-2"))).containsExactly(email);
        assertThat(store.removeByAuthenticators(io.vavr.collection.List.empty())).isZero();
    }

    private static OobChallenge expiringAt(String id, String oobCode, Instant expiresAt) {
        OobChallenge c = challenge(id, oobCode);
        return new OobChallenge(c.id(), c.oobCodeHash(), c.bindingCodeHash(), c.authenticatorId(), c.userId(),
                c.createdAt(), expiresAt, c.failedAttempts(), c.consumed());
    }

    @Test
    public void removesOnlyChallengesThatExpiredBeforeTheCutoff() {
        Instant cutoff = T0.plus(Duration.ofHours(1));
        store.add(expiringAt("ch-old", "oob-old", cutoff.minusSeconds(1)));
        store.add(expiringAt("ch-used", "oob-used", T0.plusSeconds(300)));
        store.consume(new ChallengeId("ch-used"));
        OobChallenge atCutoff = expiringAt("ch-edge", "oob-edge", cutoff);
        OobChallenge open = expiringAt("ch-open", "oob-open", cutoff.plusSeconds(300));
        store.add(atCutoff);
        store.add(open);

        assertThat(store.removeExpired(cutoff)).isEqualTo(2);

        assertThat(store.findByCodeHash(SecretHash.of("oob-old"))).isEmpty();
        assertThat(store.findByCodeHash(SecretHash.of("oob-used"))).isEmpty();
        assertThat(store.findByCodeHash(SecretHash.of("oob-edge"))).containsExactly(atCutoff);
        assertThat(store.findByCodeHash(SecretHash.of("oob-open"))).containsExactly(open);
        assertThat(store.consume(open.id())).as("the kept one can still be used").isTrue();
        assertThat(store.removeExpired(cutoff)).isZero();
    }

    @Test
    public void removesEveryChallengeOfOneUserAndNoOtherUsers() {
        OobChallenge alices = challenge("ch-1", "oob-1");
        OobChallenge bobs = new OobChallenge(new ChallengeId("ch-2"), SecretHash.of("oob-2"), SecretHash.of("oob-2", "1"),
                id(AuthenticatorKind.EMAIL, 2), new UserId("auth0|bob"), T0, T0.plus(Duration.ofMinutes(5)), 0, false);
        store.add(alices);
        store.add(challenge("ch-3", "oob-3"));
        store.add(bobs);
        store.consume(new ChallengeId("ch-3"));

        assertThat(store.removeByUser(new UserId("auth0|alice"))).isEqualTo(2);

        assertThat(store.findByCodeHash(SecretHash.of("oob-1"))).isEmpty();
        assertThat(store.findByCodeHash(SecretHash.of("oob-3"))).isEmpty();
        assertThat(store.consume(new ChallengeId("ch-1"))).as("a removed oob_code is dead").isFalse();
        assertThat(store.findByCodeHash(SecretHash.of("oob-2"))).containsExactly(bobs);
        assertThat(store.removeByUser(new UserId("auth0|alice"))).isZero();
    }

    @Test
    public void consumesAChallengeOnce() {
        store.add(challenge("ch-1", "oob-1"));

        assertThat(store.consume(new ChallengeId("ch-1"))).isTrue();
        assertThat(store.consume(new ChallengeId("ch-1"))).isFalse();

        assertThat(store.findByCodeHash(SecretHash.of("oob-1")).map(OobChallenge::consumed)).containsExactly(true);
    }

    @Test
    public void consumesNothingForAnUnknownId() {
        assertThat(store.consume(new ChallengeId("no-such-challenge"))).isFalse();
    }

    @Test
    public void reservesAttemptsUpToTheBudgetAndNoMore() {
        store.add(challenge("ch-1", "oob-1"));
        store.add(challenge("ch-2", "oob-2"));
        ChallengeId id = new ChallengeId("ch-1");

        assertThat(List.of(store.reserveAttempt(id, 3), store.reserveAttempt(id, 3), store.reserveAttempt(id, 3),
                store.reserveAttempt(id, 3))).containsExactly(true, true, true, false);

        assertThat(store.findByCodeHash(SecretHash.of("oob-1")).map(OobChallenge::failedAttempts)).as("the refused call counted nothing").containsExactly(3);
        assertThat(store.findByCodeHash(SecretHash.of("oob-2")).map(OobChallenge::failedAttempts)).containsExactly(0);
        assertThat(store.reserveAttempt(new ChallengeId("no-such-challenge"), 3)).isFalse();
    }

    @Test
    public void consumesOnceWhenThreadsRace() {
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                ChallengeId id = new ChallengeId("ch-" + round);
                store.add(challenge(id.value(), "oob-" + round));
                assertThat(race.countWinners(thread -> store.consume(id))).as("round %d", round).isEqualTo(1);
            }
        }
    }

    @Test
    public void reservesExactlyTheBudgetWhenThreadsRace() {
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                ChallengeId id = new ChallengeId("ch-race-" + round);
                store.add(challenge(id.value(), "oob-race-" + round));
                assertThat(race.countWinners(thread -> store.reserveAttempt(id, BUDGET))).as("round %d", round)
                        .isEqualTo(BUDGET);
            }
        }
    }
}
