package io.twofold.mfa.contract;

import java.util.ArrayList;
import java.util.List;
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
