package io.twofold.mfa.jdbc.cache;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small read-through cache of rows that rarely change, each kept for a fixed time. It saves round
 * trips on one node only: a change made by another node shows here only when the entry expires, so
 * callers document that window. Absent rows are not cached (an attacker's stream of unknown keys must
 * not fill it), and a duration of zero turns caching off.
 * <p>
 * It sits on every grant's path, so it takes no lock of its own: reads are plain map reads, and a store
 * locks only its key's bin of the map (a request thread descheduled while holding a cache-wide lock
 * would stall every other grant behind it). Beyond {@code maxEntries}
 * the expired entries go first, then the oldest, down to nine tenths of the room, so the sweep runs
 * once per tenth of the room filled, not on every insert.
 */
public final class TtlCache<K, V> {
    private record Entry<V>(V value, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final int keptAfterSweep;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a load that began before one does not store what it read. */
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock sweeping = new ReentrantLock();

    /** @param ticker monotonic nanoseconds ({@code System::nanoTime}; a test moves its own) */
    public TtlCache(Duration ttl, int maxEntries, LongSupplier ticker) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs a TTL of zero or more and room for one entry");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.keptAfterSweep = maxEntries - Math.max(1, maxEntries / 10);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** The cached value while it is fresh, else what {@code load} finds (cached when present). */
    public Option<V> get(K key, Function<K, Option<V>> load) {
        if (ttlNanos == 0) {
            return load.apply(key);
        }
        // Taken before the read: see put(key, value, stamp).
        long startedAt = generation.get();
        Entry<V> entry = entries.get(key);
        if (entry != null) {
            if (ticker.getAsLong() - entry.expiresAt() < 0) {
                return Option.some(entry.value());
            }
            entries.remove(key, entry);
        }
        Option<V> loaded = load.apply(key);
        loaded.forEach(value -> put(key, value, startedAt));
        return loaded;
    }

    /** A stamp to take before reading a row elsewhere, for {@link #put}. */
    public long stamp() {
        return generation.get();
    }

    /**
     * Caches a row read elsewhere (by another query of the same table) after {@code stamp} was
     * taken; dropped if something was invalidated meanwhile, since the row may predate that change.
     */
    public void put(K key, V value, long stamp) {
        if (ttlNanos == 0 || generation.get() != stamp) {
            return;
        }
        Entry<V> entry = new Entry<>(value, ticker.getAsLong() + ttlNanos);
        // Checked again under the key's bin lock: an invalidation that bumps the generation after this
        // check waits in its remove() for this compute to end, and then takes the entry out, so once
        // invalidate() has returned no reader can see the older row.
        entries.compute(key, (k, old) -> generation.get() == stamp ? entry : old);
        if (entries.size() > maxEntries) {
            sweep();
        }
    }

    /** Forgets {@code key}; a load running meanwhile will not store its possibly older row. */
    public void invalidate(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    /** Forgets everything. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void sweep() {
        if (!sweeping.tryLock()) {
            return; // another thread is making room already
        }
        try {
            long now = ticker.getAsLong();
            entries.entrySet().removeIf(e -> now - e.getValue().expiresAt() >= 0);
            int excess = entries.size() - keptAfterSweep;
            if (excess > 0) {
                entries.entrySet().stream()
                        .sorted(Comparator.comparingLong((Map.Entry<K, Entry<V>> e) -> e.getValue().expiresAt()))
                        .limit(excess)
                        .forEach(e -> entries.remove(e.getKey(), e.getValue()));
            }
        } finally {
            sweeping.unlock();
        }
    }
}
