package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.policy.BucketRule;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.vavr.control.Option;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Applies a bucket rule's changes to the {@link AttemptCounterStore}. Every change is a
 * compare-and-set retried on conflict, never an in-process lock: several nodes share one store
 * (DESIGN invariant 9). What a change is, is the policy's; this only makes it stick exactly once.
 */
public final class AttemptBuckets {
    /**
     * Every lost compare-and-set means another writer's succeeded, so the loop always makes progress
     * and a retry count only grows with the writers racing on one key (every blocking thread of every
     * node, in a burst of wrong codes for one user). The bound only stops a broken store from
     * spinning forever; it must sit well above any real burst, or a burst would end in a server error.
     */
    private static final int MAX_RETRIES = 1000;

    private final AttemptCounterStore store;
    private final Clock clock;

    public AttemptBuckets(AttemptCounterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The bucket as of now, refilled; a fresh full one when none is stored. Not saved. */
    public AttemptBucket current(String key, BucketRule rule) {
        return rule.asOf(key, store.find(key), clock.instant());
    }

    /** As {@link #current}, from a bucket the caller read from the store itself. */
    public AttemptBucket current(String key, Option<AttemptBucket> stored, BucketRule rule) {
        return rule.asOf(key, stored, clock.instant());
    }

    /**
     * Saves what {@code charge} makes of the current bucket, or nothing when it refuses (none). The
     * first try starts from {@code read}, the bucket as this request already read it; a lost
     * compare-and-set re-reads and asks {@code charge} again. Returns what was saved.
     */
    public Option<AttemptBucket> charge(AttemptBucket read, BucketRule rule,
                                        Function<AttemptBucket, Option<AttemptBucket>> charge) {
        AttemptBucket bucket = rule.refilled(read, clock.instant());
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Option<AttemptBucket> next = charge.apply(bucket);
            if (next.isEmpty()) {
                return Option.none();
            }
            AttemptBucket saved = versioned(next.get(), bucket);
            if (store.compareAndSet(saved)) {
                return Option.some(saved);
            }
            bucket = current(read.key(), rule);
        }
        throw new IllegalStateException("the attempt counter " + read.key() + " kept changing");
    }

    /**
     * What {@code charge} makes of {@code read} refilled to now, as the next version for a
     * compare-and-set; none when it refuses. Not saved: for a caller that saves it together with a
     * write of its own (through {@link #store()}) and falls back to {@link #charge} when that loses.
     */
    public Option<AttemptBucket> next(AttemptBucket read, BucketRule rule, Function<AttemptBucket, Option<AttemptBucket>> charge) {
        AttemptBucket bucket = rule.refilled(read, clock.instant());
        return charge.apply(bucket).map(next -> versioned(next, bucket));
    }

    /** The store the buckets are saved to, for a port that saves one in the same step as its own write. */
    public AttemptCounterStore store() {
        return store;
    }

    /** Takes one token; false (and nothing saved) when the bucket is empty. */
    public boolean tryTake(String key, BucketRule rule) {
        return charge(current(key, rule), rule, rule::take).isDefined();
    }

    /** Saves what {@code change} makes of the bucket, starting from {@code read}; returns what was saved. */
    public AttemptBucket update(AttemptBucket read, BucketRule rule, UnaryOperator<AttemptBucket> change) {
        return charge(read, rule, bucket -> Option.some(change.apply(bucket))).get();
    }

    /** As {@link #update}, reading the bucket first. */
    public AttemptBucket update(String key, BucketRule rule, UnaryOperator<AttemptBucket> change) {
        return update(current(key, rule), rule, change);
    }

    /**
     * Removes the stored buckets under {@code keyPrefix} that are full again and carry no run of
     * failures: {@link #current} makes the same fresh full bucket when none is stored. One untouched
     * for {@code capacity} refills is full whatever it held, so the store needs no refill arithmetic.
     * A writer that read a bucket removed meanwhile loses its compare-and-set and retries from the
     * fresh one; a writer that got there first moved {@code refilledAt} to now, out of reach.
     */
    public int removeRested(String keyPrefix, BucketRule rule) {
        return store.removeIdle(keyPrefix, rule.restedBefore(clock.instant()));
    }

    /** {@code next} as the version after {@code read}'s, for the store's compare-and-set. */
    private static AttemptBucket versioned(AttemptBucket next, AttemptBucket read) {
        return new AttemptBucket(read.key(), Math.max(0, next.tokens()), next.refilledAt(), next.consecutiveFailures(),
                read.version() + 1);
    }
}
