package io.twofold.mfa.memory;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AttemptCounterStore} in a map: a versioned compare-and-set, atomic per key. Idle buckets
 * stay until {@code PurgeExpired} removes them. Held in this JVM only (see the package comment).
 */
public final class InMemoryAttemptCounterStore implements AttemptCounterStore {

    private final ConcurrentMap<String, AttemptBucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Option<AttemptBucket> find(String key) {
        return Option.of(buckets.get(key));
    }

    @Override
    public boolean compareAndSet(AttemptBucket next) {
        AtomicBoolean changed = new AtomicBoolean();
        buckets.compute(next.key(), (key, current) -> {
            boolean expected = current == null
                    ? next.version() == 1
                    : current.version() == next.version() - 1;
            if (expected) {
                changed.set(true);
                return next;
            }
            return current;
        });
        return changed.get();
    }

    @Override
    public int removeIdle(String keyPrefix, Instant refilledBefore) {
        AtomicInteger removed = new AtomicInteger();
        buckets.keySet().stream().filter(key -> key.startsWith(keyPrefix))
                .forEach(key -> buckets.computeIfPresent(key, (k, bucket) -> {
                    if (bucket.consecutiveFailures() != 0 || !bucket.refilledAt().isBefore(refilledBefore)) {
                        return bucket;
                    }
                    removed.incrementAndGet();
                    return null;
                }));
        return removed.get();
    }
}
