package io.twofold.mfa.loadgen;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a scenario with a fixed number of worker threads for a warm-up and then a fixed measured
 * duration, and stops by itself: at the deadline, or after a maximum number of operations, or when
 * no seeded user has anything left to do.
 */
final class Runner {
    private final Scenario scenario;
    private final Recorder recorder;
    private final DelayQueue<VirtualUser> ready = new DelayQueue<>();
    private final AtomicLong budget;
    private final int concurrency;
    private static final long PROBE_TAIL_NANOS = TimeUnit.SECONDS.toNanos(5);

    Runner(Scenario scenario, Recorder recorder, List<VirtualUser> users, int concurrency, long maxOperations) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.concurrency = concurrency;
        this.budget = new AtomicLong(maxOperations);
        long now = System.currentTimeMillis();
        users.forEach(user -> {
            user.readyAt(user.lastStep == Long.MIN_VALUE ? now : Math.max(now, Totps.startOfStepAfter(user.lastStep)));
            ready.add(user);
        });
    }

    /**
     * Runs warm-up then measurement; returns the measured wall time in nanoseconds. The probe (heap
     * after GC) runs after the measured phase while the workers keep the load on for a few more
     * seconds, so the full GC it forces never lands in the recorded latencies.
     */
    long run(long warmupMillis, long measuredMillis, CpuMeter cpu, boolean probing, Runnable probe) throws InterruptedException {
        long start = System.nanoTime();
        long warmupEnd = start + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long measuredEnd = warmupEnd + TimeUnit.MILLISECONDS.toNanos(measuredMillis);
        long end = measuredEnd + (probing ? PROBE_TAIL_NANOS : 0);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> work(end, done), "loadgen-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        sleepUntil(warmupEnd);
        long measuredStart = System.nanoTime();
        recorder.recording(true);
        cpu.start();
        sleepUntil(measuredEnd);
        recorder.recording(false);
        long measured = System.nanoTime() - measuredStart;
        // After the clock: stopping may take a while (a profile is written and read back).
        cpu.stop();
        if (probing) {
            probe.run();
        }
        if (!done.await(Math.max(0, end - System.nanoTime()) + TimeUnit.SECONDS.toNanos(35), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("workers did not stop in time");
        }
        return measured;
    }

    private void work(long end, CountDownLatch done) {
        Recorder.Latencies latencies = recorder.latencies();
        try {
            while (System.nanoTime() < end && budget.getAndDecrement() > 0) {
                VirtualUser user = ready.poll();
                if (user == null) {
                    // Every user has used the current step (or is busy): wait for the next step.
                    if (recorder.isRecording()) {
                        recorder.starvedWaits.increment();
                    }
                    user = ready.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (user == null) {
                        break;
                    }
                }
                boolean measured = recorder.isRecording();
                long t0 = System.nanoTime();
                boolean ok = scenario.run(user);
                long elapsed = System.nanoTime() - t0;
                if (measured && recorder.isRecording()) {
                    latencies.add(elapsed);
                    (ok ? recorder.successes : recorder.failures).increment();
                }
                if (scenario.reusable(user)) {
                    // A user that never presented a code (client-credentials) may act again at once.
                    user.readyAt(user.lastStep == Long.MIN_VALUE ? System.currentTimeMillis()
                            : Totps.startOfStepAfter(user.lastStep));
                    ready.add(user);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            latencies.close();
            done.countDown();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
