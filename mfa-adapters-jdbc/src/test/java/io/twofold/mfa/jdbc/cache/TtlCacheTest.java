package io.twofold.mfa.jdbc.cache;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TtlCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> loads = new ArrayList<>();
    private final TtlCache<String, String> cache = new TtlCache<>(Duration.ofSeconds(30), 3, now::get);

    private final Function<String, Option<String>> rows = key -> {
        loads.add(key);
        return key.startsWith("missing") ? Option.none() : Option.some("row of " + key + " #" + loads.size());
    };

    @Test
    void servesAFreshEntryWithoutLoadingAgain() {
        assertThat(cache.get("a", rows)).containsExactly("row of a #1");
        now.addAndGet(Duration.ofSeconds(29).toNanos());

        assertThat(cache.get("a", rows)).containsExactly("row of a #1");
        assertThat(loads).containsExactly("a");
    }

    @Test
    void loadsAgainOnceTheTtlHasPassed() {
        cache.get("a", rows);
        now.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(cache.get("a", rows)).containsExactly("row of a #2");
        assertThat(loads).containsExactly("a", "a");
    }

    @Test
    void doesNotCacheAbsentRows() {
        cache.get("missing", rows);
        cache.get("missing", rows);

        assertThat(loads).containsExactly("missing", "missing");
        assertThat(cache.size()).isZero();
    }

    @Test
    void forgetsAnInvalidatedKeyAndEverythingOnClear() {
        cache.get("a", rows);
        cache.get("b", rows);
        cache.invalidate("a");
        cache.get("a", rows);
        cache.get("b", rows);
        cache.clear();
        cache.get("b", rows);

        assertThat(loads).containsExactly("a", "b", "a", "b");
    }

    @Test
    void doesNotStoreWhatALoadReadBeforeAnInvalidation() {
        // A load that read the old row while an upsert committed and invalidated must not cache it.
        assertThat(cache.get("a", key -> {
            cache.invalidate("a");
            return Option.some("old row");
        })).containsExactly("old row");

        assertThat(cache.get("a", rows)).containsExactly("row of a #1");
    }

    @Test
    void keepsARowReadElsewhereUnlessSomethingWasInvalidatedSinceTheStamp() {
        long stamp = cache.stamp();
        cache.put("a", "read by another query", stamp);
        assertThat(cache.get("a", rows)).containsExactly("read by another query");

        long stale = cache.stamp();
        cache.invalidate("b");
        cache.put("b", "read before the invalidation", stale);
        assertThat(cache.get("b", rows)).containsExactly("row of b #1");
    }

    @Test
    void dropsTheOldestBeyondItsSizeDownToNineTenths() {
        cache.get("a", rows);
        now.addAndGet(1);
        cache.get("b", rows);
        now.addAndGet(1);
        cache.get("c", rows);
        now.addAndGet(1);
        cache.get("a", rows);
        cache.get("d", rows);

        // Room for 3: the fourth entry sweeps down to 2, the two oldest (a, then b) go.
        assertThat(cache.size()).isEqualTo(2);
        cache.get("c", rows);
        cache.get("d", rows);
        cache.get("a", rows);
        assertThat(loads).containsExactly("a", "b", "c", "d", "a");
    }

    @Test
    void dropsExpiredEntriesBeforeLiveOnesWhenFull() {
        cache.get("a", rows);
        cache.get("b", rows);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        cache.get("c", rows);
        cache.get("d", rows);

        assertThat(cache.size()).isEqualTo(2);
        cache.get("c", rows);
        cache.get("d", rows);
        assertThat(loads).containsExactly("a", "b", "c", "d");
    }

    @Test
    void noReaderSeesARowOlderThanTheLastCompletedInvalidationUnderRaces() throws Exception {
        TtlCache<String, Long> shared = new TtlCache<>(Duration.ofHours(1), 100, System::nanoTime);
        AtomicLong row = new AtomicLong();
        AtomicLong invalidated = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        int readers = 32;
        CyclicBarrier start = new CyclicBarrier(readers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < readers; t++) {
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10_000; i++) {
                        long floor = invalidated.get();
                        long seen = shared.get("k", key -> Option.some(row.get())).get();
                        if (seen < floor) {
                            stale.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            running.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5_000; i++) {
                    // The row changes, then the cache hears of it: as a store does after its UPDATE.
                    long version = row.incrementAndGet();
                    shared.invalidate("k");
                    invalidated.set(version);
                }
                return null;
            }));
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stale.get()).as("reads older than a completed invalidation").isZero();
        assertThat(shared.get("k", key -> Option.some(-1L))).containsExactly(row.get());
    }

    @Test
    void aZeroTtlCachesNothing() {
        TtlCache<String, String> off = new TtlCache<>(Duration.ZERO, 3, now::get);
        off.get("a", rows);
        off.get("a", rows);

        assertThat(loads).containsExactly("a", "a");
        assertThat(off.size()).isZero();
    }

    @Test
    void refusesANegativeTtlOrNoRoom() {
        assertThatThrownBy(() -> new TtlCache<>(Duration.ofSeconds(-1), 3, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TtlCache<>(Duration.ofSeconds(1), 0, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
