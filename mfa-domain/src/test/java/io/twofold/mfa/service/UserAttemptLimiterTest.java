package io.twofold.mfa.service;

import io.twofold.mfa.contract.Race;
import io.twofold.mfa.fake.InMemoryAttemptCounterStore;
import io.twofold.mfa.fake.InMemoryAuditLog;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.AttemptBudgets;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.testing.MutableClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's second-factor bucket is read once per verification and written only when something changes. */
class UserAttemptLimiterTest {
    private static final UserId ALICE = new UserId("user-alice");
    private static final String KEY = "mfa-failures:user-alice";
    private static final int CAPACITY = 1000;

    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final CountingStore store = new CountingStore(new InMemoryAttemptCounterStore());
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final UserAttemptLimiter limiter = limiter(new AttemptBudgets(10, 5, CAPACITY, Duration.ofMinutes(6), 3, 50));

    private UserAttemptLimiter limiter(AttemptBudgets budgets) {
        return new UserAttemptLimiter(new TokenBuckets(store, clock), budgets, new AuditTrail(audit, clock));
    }

    private AttemptBucket check() {
        return limiter.check(ALICE, store.find(KEY)).get();
    }

    @Test
    void aRightCodeWithNoRunOfFailuresReadsOnceAndWritesNothing() {
        limiter.recordFailure(ALICE, check());
        limiter.recordSuccess(check());
        long version = store.find(KEY).get().version();
        store.reset();

        limiter.recordSuccess(check());

        assertThat(store.finds.get()).isEqualTo(1);
        assertThat(store.writes.get()).isZero();
        assertThat(store.find(KEY).get().version()).isEqualTo(version);
    }

    @Test
    void aWrongCodeIsSavedFromTheBucketTheCheckRead() {
        AttemptBucket read = check();

        limiter.recordFailure(ALICE, read);

        assertThat(store.finds.get()).as("no second read").isEqualTo(1);
        assertThat(store.writes.get()).isEqualTo(1);
        assertThat(store.find(KEY).get()).isEqualTo(new AttemptBucket(KEY, CAPACITY - 1, clock.instant(), 1, 1));
    }

    @Test
    void aFailureOnAStaleBucketStillCountsTheConcurrentOne() {
        limiter.recordFailure(ALICE, check());
        AttemptBucket staleRead = check();
        limiter.recordFailure(ALICE, check());

        limiter.recordFailure(ALICE, staleRead);

        AttemptBucket stored = store.find(KEY).get();
        assertThat(stored.consecutiveFailures()).isEqualTo(3);
        assertThat(stored.tokens()).isEqualTo(CAPACITY - 3);
        assertThat(audit.eventsOfType("mfa.lockout")).as("the third failure in a row still locks").hasSize(1);
        assertThat(limiter.check(ALICE, store.find(KEY)).isLeft()).isTrue();
    }

    @Test
    void aSuccessOnAStaleBucketStillEndsTheRun() {
        limiter.recordFailure(ALICE, check());
        AttemptBucket staleRead = check();
        limiter.recordFailure(ALICE, check());

        limiter.recordSuccess(staleRead);

        AttemptBucket stored = store.find(KEY).get();
        assertThat(stored.consecutiveFailures()).isZero();
        assertThat(stored.tokens()).as("a success gives no tokens back").isEqualTo(CAPACITY - 2);
    }

    @Test
    void aFailureAfterTheCheckOfASuccessWithNoRunStaysCounted() {
        AttemptBucket read = check();
        limiter.recordFailure(ALICE, check());

        limiter.recordSuccess(read);

        assertThat(store.find(KEY).get().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void refillsAsOfTheFailureNotTheCheck() {
        limiter.recordFailure(ALICE, check());
        AttemptBucket read = check();
        clock.advance(Duration.ofMinutes(6));

        limiter.recordFailure(ALICE, read);

        assertThat(store.find(KEY).get().tokens()).isEqualTo(CAPACITY - 1);
    }

    /**
     * Every thread checks, then fails; each loses a compare-and-set only to another thread's write,
     * so 16 threads stay within the retries and every failure must be counted exactly once.
     */
    @Test
    void countsEveryConcurrentFailureExactlyOnce() {
        int threads = 16;
        UserAttemptLimiter noHardStop = limiter(new AttemptBudgets(10, 5, CAPACITY, Duration.ofMinutes(6), CAPACITY, 50));
        try (Race race = new Race(threads)) {
            race.run(i -> {
                noHardStop.recordFailure(ALICE, noHardStop.check(ALICE, store.find(KEY)).get());
                return i;
            });
        }

        AttemptBucket stored = store.find(KEY).get();
        assertThat(stored.tokens()).isEqualTo(CAPACITY - threads);
        assertThat(stored.consecutiveFailures()).isEqualTo(threads);
        assertThat(stored.version()).isEqualTo(threads);
    }

    @Test
    void aVerifiedCodeWithNoPriorFailureWritesNoBucket() {
        MfaTestbed bed = new MfaTestbed();
        Association.Otp otp = bed.enrolledTotp();
        String key = "mfa-failures:" + bed.alice.id().value();

        assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
        assertThat(bed.counters.find(key)).as("nothing stored for a user who never failed").isEmpty();

        bed.nextStep();
        bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret()));
        bed.nextStep();
        bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret()));
        AttemptBucket afterReset = bed.counters.find(key).get();
        bed.nextStep();

        assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
        assertThat(afterReset.consecutiveFailures()).isZero();
        assertThat(bed.counters.find(key).get()).isEqualTo(afterReset);
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
