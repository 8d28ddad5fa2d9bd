package io.twofold.mfa.contract;

import org.assertj.core.api.Assertions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs the same store call on many threads released at once, so a compare-and-set that is not
 * atomic shows up as two winners. One pool serves every round of a test; close it afterwards.
 */
public final class Race implements AutoCloseable {

    /** How many threads race in every contract. */
    public static final int THREADS = 32;
    private static final long TIMEOUT_SECONDS = 60;

    private final int threads;
    private final ExecutorService pool;

    public Race() {
        this(THREADS);
    }

    public Race(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Runs {@code contender} once on each thread (given the thread's index) and returns the results in index order. */
    public <T> List<T> run(IntFunction<T> contender) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return contender.apply(index);
            }));
        }
        try {
            if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the racing threads did not all start");
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a racing thread failed", e);
        }
    }

    /** Runs {@code contender} on each thread and counts how many returned true. */
    public long countWinners(IntFunction<Boolean> contender) {
        return run(contender).stream().filter(Boolean::booleanValue).count();
    }

    /**
     * Calls {@code counter} {@code callsPerThread} times on every thread and checks that the calls
     * saw each count from 1 to the total exactly once (no lost and no doubled increment).
     * Returns the total, the count the store must end with.
     */
    public int assertEveryCallSeesItsOwnCount(int callsPerThread, IntSupplier counter) {
        List<Integer> counts = run(thread -> IntStream.range(0, callsPerThread).map(i -> counter.getAsInt()).boxed().toList())
                .stream().flatMap(List::stream).toList();
        int total = threads * callsPerThread;
        Assertions.assertThat(counts).as("each call sees its own count")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        return total;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
