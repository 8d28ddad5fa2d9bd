package io.twofold.mfa.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run measured: every operation's latency (kept whole and sorted at the end: a 30 s run
 * holds at most a few hundred thousand), HTTP requests, successes, and outcomes by status and error.
 */
final class Recorder {
    private final List<long[]> chunks = new ArrayList<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final LongAdder requests = new LongAdder();
    final LongAdder successes = new LongAdder();
    final LongAdder failures = new LongAdder();
    /** Times a worker found every user already used in the current step and had to wait. */
    final LongAdder starvedWaits = new LongAdder();
    private volatile boolean recording;

    void recording(boolean on) {
        recording = on;
    }

    boolean isRecording() {
        return recording;
    }

    /** A per-worker latency buffer, merged at the end without locking on the hot path. */
    final class Latencies {
        private long[] values = new long[4096];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        void close() {
            synchronized (chunks) {
                chunks.add(Arrays.copyOf(values, size));
            }
        }
    }

    Latencies latencies() {
        return new Latencies();
    }

    void request(int status, String error) {
        if (!recording) {
            return;
        }
        requests.increment();
        outcomes.computeIfAbsent(status + (error.isEmpty() ? "" : " " + error), k -> new LongAdder()).increment();
    }

    long[] sortedLatencies() {
        synchronized (chunks) {
            long[] all = chunks.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
