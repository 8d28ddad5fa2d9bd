package io.twofold.mfa.contract;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static io.twofold.mfa.fake.Authenticators.pendingRecoveryCode;
import static io.twofold.mfa.fake.Authenticators.pendingTotp;
import static io.twofold.mfa.fake.Authenticators.seed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The races an {@link AuthenticatorStore} must win for its callers: every compare-and-set has exactly
 * one winner however many nodes try at once (design invariant 9). Extended by {@link AuthenticatorStoreContract}.
 */
public abstract class AuthenticatorStoreConcurrencyContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final UserId ALICE = new UserId("auth0|alice");
    protected static final UserId BOB = new UserId("auth0|bob");
    protected static final int ROUNDS = 20;

    protected AuthenticatorStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract AuthenticatorStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    @Test
    public void acceptsTheSameTotpStepOnceWhenThreadsRace() {
        AuthenticatorId id = addTotp(1);
        try (Race race = new Race()) {
            for (long step = 1; step <= ROUNDS; step++) {
                long current = step;
                assertThat(race.countWinners(thread -> store.acceptTotpStep(id, current, T0)))
                        .as("winners for step %d", step).isEqualTo(1);
                assertThat(store.acceptTotpStep(id, step, T0)).as("step %d stays accepted", step).isFalse();
            }
        }
    }

    @Test
    public void keepsTheHighestStepWhenThreadsRaceWithDifferentSteps() {
        AuthenticatorId id = addTotp(2);
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                long base = 1000L * (round + 1);
                List<Boolean> results = race.run(thread -> store.acceptTotpStep(id, base + thread, T0));
                assertThat(store.acceptTotpStep(id, base + Race.THREADS - 1, T0)).as("the highest step stays accepted").isFalse();
                assertThat(results.get(Race.THREADS - 1)).as("the highest step always wins").isTrue();
            }
        }
    }

    @Test
    public void activatesOnceWhenThreadsRace() {
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                PendingAuthenticator totp = addPendingTotp(ALICE, 100 + round);
                assertThat(race.countWinners(thread -> store.activate(totp.confirm(T0.plusSeconds(thread))))).isEqualTo(1);
                assertThat(store.find(ALICE, totp.id()).get().isActive()).isTrue();
            }
        }
    }

    /** Each thread confirms its own first factor of one user: the store lets exactly one become active. */
    @Test
    public void activatesOneFirstFactorOfAUserWhenThreadsRace() {
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                UserId user = new UserId("auth0|first-" + round);
                long base = 10_000L + round * 100L;
                List<PendingAuthenticator> totps = IntStream.range(0, Race.THREADS)
                        .mapToObj(i -> addPendingTotp(user, base + i)).toList();
                assertThat(race.countWinners(thread -> store.activateFirst(totps.get(thread).confirm(T0))))
                        .as("round %d", round).isEqualTo(1);
                assertThat(store.findByUser(user).filter(a -> a.isActive()).size()).as("round %d", round).isEqualTo(1);
            }
        }
    }

    @Test
    public void spendsARecoveryCodeOnceWhenThreadsRace() {
        PendingAuthenticator recovery = pendingRecoveryCode(ALICE, 3, "code-0", T0);
        store.add(recovery);
        SecretHash expected = SecretHash.of("code-0");
        try (Race race = new Race()) {
            for (int round = 1; round <= ROUNDS; round++) {
                SecretHash from = expected;
                List<SecretHash> replacements = IntStream.range(0, Race.THREADS)
                        .mapToObj(thread -> SecretHash.of("code-" + thread + "-" + from.hex())).toList();
                List<Boolean> results = race.run(
                        thread -> store.replaceRecoveryCode(recovery.id(), from, replacements.get(thread), T0));

                assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
                SecretHash winner = replacements.get(results.indexOf(true));
                assertThat(store.find(ALICE, recovery.id()).get().factor())
                        .isEqualTo(new Factor.RecoveryCode(winner));
                expected = winner;
            }
        }
    }

    @Test
    public void leavesOneRecoveryCodeWhenThreadsResetItAtOnce() {
        PendingAuthenticator totp = addPendingTotp(ALICE, 4);
        store.activate(totp.confirm(T0));
        try (Race race = new Race()) {
            for (int round = 1; round <= ROUNDS; round++) {
                int base = round * 1000;
                race.run(thread -> {
                    store.resetRecoveryCode(pendingRecoveryCode(ALICE, base + thread, "code-" + thread, T0).confirm(T0));
                    return true;
                });

                assertThat(store.findByUser(ALICE).filter(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE))
                        .as("round %d", round).hasSize(1);
            }
        }
    }

    @Test
    public void addsOneFirstRecoveryCodeWhenThreadsAddItAtOnce() {
        try (Race race = new Race()) {
            for (int round = 1; round <= ROUNDS; round++) {
                UserId user = new UserId("auth0|imported-" + round);
                PendingAuthenticator totp = addPendingTotp(user, round * 1000L);
                store.activate(totp.confirm(T0));
                int base = round * 1000 + 100;
                List<Boolean> added = race.run(thread ->
                        store.addRecoveryCodeIfNone(pendingRecoveryCode(user, base + thread, "code-" + thread, T0).confirm(T0)));

                assertThat(added.stream().filter(Boolean::booleanValue).count()).as("round %d", round).isEqualTo(1);
                assertThat(store.findByUser(user).filter(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE))
                        .as("round %d", round).hasSize(1);
                assertThat(store.addRecoveryCodeIfNone(pendingRecoveryCode(user, base + 99, "later", T0).confirm(T0)))
                        .as("a user with a code gets no other").isFalse();
            }
        }
    }

    private AuthenticatorId addTotp(long number) {
        return addPendingTotp(ALICE, number).id();
    }

    private PendingAuthenticator addPendingTotp(UserId user, long number) {
        PendingAuthenticator totp = pendingTotp(user, number, seed((int) number), T0);
        store.add(totp);
        return totp;
    }
}
