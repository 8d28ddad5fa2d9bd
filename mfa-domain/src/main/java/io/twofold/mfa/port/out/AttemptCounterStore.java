package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AttemptBucket;
import io.vavr.control.Option;

import java.time.Instant;

/** Token buckets that count failures and sends per user across transactions and nodes. */
public interface AttemptCounterStore {

    /** The bucket stored under {@code key}; none when none is (the callers then start a full one). */
    Option<AttemptBucket> find(String key);

    /**
     * Saves {@code next} only if the stored bucket still has version {@code next.version() - 1}
     * (or, for version 1, does not exist yet); false when another writer got there first.
     */
    boolean compareAndSet(AttemptBucket next);

    /**
     * Removes the buckets whose key starts with {@code keyPrefix}, with no consecutive failures and
     * last refilled before {@code refilledBefore}; returns how many.
     */
    int removeIdle(String keyPrefix, Instant refilledBefore);
}
