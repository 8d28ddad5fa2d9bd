package io.twofold.mfa.usecase;

import io.twofold.mfa.contract.Race;
import io.twofold.mfa.memory.InMemoryAttemptCounterStore;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.policy.AttemptBudgets;
import io.twofold.mfa.policy.SecondFactorBudget;
import io.twofold.mfa.usecase.internal.AttemptBuckets;
import io.vavr.control.Either;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user part of the {@link SecondFactorBudget}, applied to a store by {@link AttemptBuckets}:
 * a charge starts from the bucket the verification read, re-reads only after a lost compare-and-set,
 * and holds exactly under concurrency.
 */
class SecondFactorBudgetTest {
    private static final String KEY = "mfa-failures:user-alice";
    private static final int CAPACITY = 1000;

    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final CountingStore store = new CountingStore(new InMemoryAttemptCounterStore());
    private final AttemptBuckets buckets = new AttemptBuckets(store, clock);
    private final SecondFactorBudget budget = new SecondFactorBudget(new AttemptBudgets(10, 5, CAPACITY, Duration.ofMinutes(6), 3, 50));

    private AttemptBucket check() {
        return check(budget).get();
    }

    private Either<MfaError, AttemptBucket> check(SecondFactorBudget rule) {
        return rule.check(buckets.current(KEY, store.find(KEY), rule.userBucket()));
    }

    private Option<AttemptBucket> reserve(SecondFactorBudget rule, AttemptBucket read) {
        return buckets.charge(read, rule.userBucket(), rule::charge);
    }

    private AttemptBucket reserve() {
        return reserve(budget, check()).get();
    }

    @Test
    void reservesFromTheBucketTheCheckReadWithOneWrite() {
        AttemptBucket read = check();
        store.reset();

        AttemptBucket reserved = reserve(budget, read).get();

        assertThat(store.finds.get()).as("no second read").isZero();
        assertThat(store.writes.get()).isEqualTo(1);
        assertThat(store.find(KEY).get()).isEqualTo(reserved)
                .isEqualTo(new AttemptBucket(KEY, CAPACITY - 1, clock.instant(), 1, 1));
    }

    @Test
    void aReservationOnAStaleBucketReReadsAndStillCountsTheConcurrentOnes() {
        reserve();
        AttemptBucket staleRead = check();
        reserve();

        AttemptBucket reserved = reserve(budget, staleRead).get();

        AttemptBucket stored = store.find(KEY).get();
        assertThat(stored.consecutiveFailures()).isEqualTo(3);
        assertThat(stored.tokens()).isEqualTo(CAPACITY - 3);
        assertThat(budget.isLocked(reserved)).as("the third failure in a row locks").isTrue();
        assertThat(check(budget).isLeft()).isTrue();
    }

    @Test
    void refusesAtTheHardStopWithoutWriting() {
        reserve();
        reserve();
        AttemptBucket read = reserve();
        store.reset();

        assertThat(reserve(budget, read)).isEmpty();
        assertThat(store.writes.get()).isZero();
    }

    @Test
    void aReleaseGivesTheTokenBackAndEndsTheRun() {
        reserve();
        reserve();

        buckets.update(reserve(), budget.userBucket(), budget::giveBack);

        AttemptBucket stored = store.find(KEY).get();
        assertThat(stored.consecutiveFailures()).isZero();
        assertThat(stored.tokens()).as("the two wrong codes stay charged").isEqualTo(CAPACITY - 2);
    }

    @Test
    void refillsAsOfTheReservationNotTheCheck() {
        reserve();
        AttemptBucket read = check();
        clock.advance(Duration.ofMinutes(6));

        reserve(budget, read);

        assertThat(store.find(KEY).get().tokens()).isEqualTo(CAPACITY - 1);
    }

    /**
     * Every thread reads, then reserves, released together: the bucket holds ten tokens, so exactly
     * ten reservations succeed however the compare-and-sets interleave, and none is lost or doubled.
     */
    @Test
    void grantsExactlyTheBucketWhenThreadsRace() {
        int tokens = 10;
        SecondFactorBudget small = new SecondFactorBudget(new AttemptBudgets(10, 5, tokens, Duration.ofMinutes(6), 99, 50));
        long granted;
        try (Race race = new Race()) {
            granted = race.countWinners(i -> check(small).toOption().flatMap(read -> reserve(small, read)).isDefined());
        }

        assertThat(granted).isEqualTo(tokens);
        AttemptBucket stored = store.find(KEY).get();
        assertThat(stored.tokens()).isZero();
        assertThat(stored.consecutiveFailures()).isEqualTo(tokens);
    }

    @Test
    void rightCodesCostTheUserNothing() {
        MfaTestbed bed = new MfaTestbed();
        Association.Otp otp = bed.enrolledTotp();
        String key = "mfa-failures:" + bed.alice.id().value();
        for (int i = 0; i < 3 * bed.settings.attempts().userBucketCapacity(); i++) {
            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).as("login %d", i).isTrue();
            bed.nextStep();
        }

        AttemptBucket stored = bed.counters.find(key).get();
        assertThat(stored.tokens()).isEqualTo(bed.settings.attempts().userBucketCapacity());
        assertThat(stored.consecutiveFailures()).isZero();
    }

    /** Counts the store's reads and writes. */
    private static final class CountingStore implements AttemptCounterStore {
        private final AttemptCounterStore delegate;
        final AtomicInteger finds = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();

        CountingStore(AttemptCounterStore delegate) {
            this.delegate = delegate;
        }

        void reset() {
            finds.set(0);
            writes.set(0);
        }

        @Override
        public Option<AttemptBucket> find(String key) {
            finds.incrementAndGet();
            return delegate.find(key);
        }

        @Override
        public boolean compareAndSet(AttemptBucket next) {
            writes.incrementAndGet();
            return delegate.compareAndSet(next);
        }

        @Override
        public int removeIdle(String keyPrefix, Instant refilledBefore) {
            return delegate.removeIdle(keyPrefix, refilledBefore);
        }
    }
}
