package io.twofold.mfa.jdbc.cache;

import io.vavr.control.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small read-through cache of rows that rarely change, each kept for a fixed time, the least
 * recently used dropped beyond {@code maxEntries}. It saves round trips on one node only: a change
 * made by another node shows here only when the entry expires, so callers document that window.
 * Absent rows are not cached (an attacker's stream of unknown keys must not fill it), and a
 * duration of zero turns caching off.
 */
public final class TtlCache<K, V> {
    private record Entry<V>(V value, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier ticker;
    private final Map<K, Entry<V>> entries;
    /** Bumped by every invalidation: a load that began before one does not store what it read. */
    private long generation;

    /** @param ticker monotonic nanoseconds ({@code System::nanoTime}; a test moves its own) */
    public TtlCache(Duration ttl, int maxEntries, LongSupplier ticker) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs a TTL of zero or more and room for one entry");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > TtlCache.this.maxEntries;
            }
        };
    }

    /** The cached value while it is fresh, else what {@code load} finds (cached when present). */
    public Option<V> get(K key, Function<K, Option<V>> load) {
        if (ttlNanos == 0) {
            return load.apply(key);
        }
        long startedAt;
        synchronized (this) {
            Entry<V> entry = entries.get(key);
            // Taken before the read: see put(key, value, stamp).
            startedAt = generation;
            if (entry != null) {
                if (ticker.getAsLong() - entry.expiresAt() < 0) {
                    return Option.some(entry.value());
                }
                entries.remove(key);
            }
        }
        // The database is read outside the lock, so one slow read does not hold up other keys.
        Option<V> loaded = load.apply(key);
        loaded.forEach(value -> put(key, value, startedAt));
        return loaded;
    }

    /** A stamp to take before reading a row elsewhere, for {@link #put}. */
    public synchronized long stamp() {
        return generation;
    }

    /**
     * Caches a row read elsewhere (by another query of the same table) after {@code stamp} was
     * taken; dropped if something was invalidated meanwhile, since the row may predate that change.
     */
    public synchronized void put(K key, V value, long stamp) {
        if (ttlNanos > 0 && generation == stamp) {
            entries.put(key, new Entry<>(value, ticker.getAsLong() + ttlNanos));
        }
    }

    /** Forgets {@code key}; a load running meanwhile will not store its possibly older row. */
    public synchronized void invalidate(K key) {
        generation++;
        entries.remove(key);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        generation++;
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
