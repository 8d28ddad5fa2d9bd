package io.twofold.mfa.service;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Token buckets over the {@link AttemptCounterStore}. Every change is a compare-and-set retried on
 * conflict, never an in-process lock: several nodes share one store (DESIGN invariant 9).
 */
final class TokenBuckets {
    /**
     * Every lost compare-and-set means another writer's succeeded, so the loop always makes progress
     * and a retry count only grows with the writers racing on one key (every blocking thread of every
     * node, in a burst of wrong codes for one user). The bound only stops a broken store from
     * spinning forever; it must sit well above any real burst, or a burst would end in a server error.
     */
    private static final int MAX_RETRIES = 1000;

    private final AttemptCounterStore store;
    private final Clock clock;

    TokenBuckets(AttemptCounterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The bucket as of now, refilled; a fresh full one when none is stored. Not saved. */
    AttemptBucket current(String key, int capacity, Duration refill) {
        return fromStored(key, store.find(key), capacity, refill);
    }

    /** As {@link #current}, from a bucket the caller read from the store itself. */
    AttemptBucket fromStored(String key, Option<AttemptBucket> stored, int capacity, Duration refill) {
        Instant now = clock.instant();
        return stored.map(bucket -> refilled(bucket, capacity, refill, now))
                .getOrElse(() -> new AttemptBucket(key, capacity, now, 0, 0));
    }

    /** Takes one token; false (and nothing saved) when the bucket is empty. */
    boolean tryTake(String key, int capacity, Duration refill) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            AttemptBucket bucket = current(key, capacity, refill);
            if (bucket.tokens() <= 0) {
                return false;
            }
            if (store.compareAndSet(next(bucket, bucket.tokens() - 1, bucket.consecutiveFailures()))) {
                return true;
            }
        }
        throw new IllegalStateException("the attempt counter " + key + " kept changing");
    }

    /**
     * Takes one token and counts one more in the run of failures, unless {@code spent} says the
     * refilled bucket allows no more: what was saved, or none (nothing saved). The first try starts
     * from {@code read}, the bucket as this request already read it; a lost compare-and-set re-reads.
     * Taking before the code is checked is what keeps a burst of parallel guesses within the budget.
     */
    Option<AttemptBucket> reserve(String key, Option<AttemptBucket> read, int capacity, Duration refill,
                                  Predicate<AttemptBucket> spent) {
        AttemptBucket bucket = fromStored(key, read, capacity, refill);
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            if (spent.test(bucket)) {
                return Option.none();
            }
            AttemptBucket taken = next(bucket, bucket.tokens() - 1, bucket.consecutiveFailures() + 1);
            if (store.compareAndSet(taken)) {
                return Option.some(taken);
            }
            bucket = current(key, capacity, refill);
        }
        throw new IllegalStateException("the attempt counter " + key + " kept changing");
    }

    /** Undoes what {@link #reserve} took, for an attempt that turned out right: the token back, the run ended. */
    AttemptBucket giveBack(AttemptBucket reserved, int capacity, Duration refill) {
        return updateFrom(reserved, capacity, refill,
                b -> new AttemptBucket(b.key(), Math.min(capacity, b.tokens() + 1), b.refilledAt(), 0, b.version()));
    }

    /** Applies {@code change} to the refilled bucket and saves the result; returns what was saved. */
    AttemptBucket update(String key, int capacity, Duration refill, UnaryOperator<AttemptBucket> change) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Option<AttemptBucket> saved = trySave(current(key, capacity, refill), change);
            if (saved.isDefined()) {
                return saved.get();
            }
        }
        throw new IllegalStateException("the attempt counter " + key + " kept changing");
    }

    /**
     * As {@link #update}, but the first compare-and-set starts from {@code read}, a bucket this
     * request got from {@link #current} earlier, which saves a round trip. If another writer changed
     * the bucket since, the version check refuses that first try and the update re-reads as usual,
     * with all its retries still to go.
     */
    AttemptBucket updateFrom(AttemptBucket read, int capacity, Duration refill, UnaryOperator<AttemptBucket> change) {
        return trySave(refilled(read, capacity, refill, clock.instant()), change)
                .getOrElse(() -> update(read.key(), capacity, refill, change));
    }

    private Option<AttemptBucket> trySave(AttemptBucket bucket, UnaryOperator<AttemptBucket> change) {
        AttemptBucket changed = change.apply(bucket);
        AttemptBucket saved = next(bucket, changed.tokens(), changed.consecutiveFailures());
        return store.compareAndSet(saved) ? Option.some(saved) : Option.none();
    }

    /**
     * Removes the stored buckets under {@code keyPrefix} that are full again and carry no run of
     * failures: {@link #current} makes the same fresh full bucket when none is stored. One untouched
     * for {@code capacity} refills is full whatever it held, so the store needs no refill arithmetic.
     * A writer that read a bucket removed meanwhile loses its compare-and-set and retries from the
     * fresh one; a writer that got there first moved {@code refilledAt} to now, out of reach.
     */
    int removeFull(String keyPrefix, int capacity, Duration refill) {
        return store.removeIdle(keyPrefix, clock.instant().minus(refill.multipliedBy(capacity)));
    }

    private static AttemptBucket next(AttemptBucket bucket, int tokens, int consecutiveFailures) {
        return new AttemptBucket(bucket.key(), Math.max(0, tokens), bucket.refilledAt(), consecutiveFailures,
                bucket.version() + 1);
    }

    /** One token back per whole {@code refill} since {@code refilledAt}, up to {@code capacity}; a full bucket is as of {@code now}. */
    static AttemptBucket refilled(AttemptBucket bucket, int capacity, Duration refill, Instant now) {
        if (bucket.tokens() >= capacity) {
            // A full bucket gains nothing by waiting: its refill period starts when a token is next taken.
            return new AttemptBucket(bucket.key(), capacity, now, bucket.consecutiveFailures(), bucket.version());
        }
        long elapsed = Duration.between(bucket.refilledAt(), now).toMillis();
        long steps = elapsed <= 0 ? 0 : elapsed / refill.toMillis();
        if (steps == 0) {
            return bucket;
        }
        long tokens = Math.min(capacity, bucket.tokens() + steps);
        // A full bucket starts its next refill period now; a partial one keeps the remainder of the period.
        Instant refilledAt = tokens == capacity ? now : bucket.refilledAt().plus(refill.multipliedBy(steps));
        return new AttemptBucket(bucket.key(), (int) tokens, refilledAt, bucket.consecutiveFailures(), bucket.version());
    }
}
