package io.twofold.mfa.loadgen;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints what a run measured, one plain block a person can paste into the README. */
final class Report {
    private Report() {
    }

    static void print(PrintStream out, Options options, Recorder recorder, long measuredNanos, String cpu, String heap) {
        double seconds = measuredNanos / 1e9;
        long[] latencies = recorder.sortedLatencies();
        long operations = recorder.successes.sum() + recorder.failures.sum();
        out.printf(Locale.ROOT, "scenario        %s against %s (db %s)%n", options.scenario(), options.baseUrl(), database(options));
        out.printf(Locale.ROOT, "concurrency     %d, measured %.1f s after %d s warm-up%n",
                options.concurrency(), seconds, options.warmup().toSeconds());
        out.printf(Locale.ROOT, "requests        %d (%.1f requests/s)%n", recorder.requests.sum(), recorder.requests.sum() / seconds);
        out.printf(Locale.ROOT, "operations      %d (%.1f/s): %d succeeded, %d failed%n",
                operations, operations / seconds, recorder.successes.sum(), recorder.failures.sum());
        out.printf(Locale.ROOT, "latency (op)    p50 %s  p95 %s  p99 %s  max %s%n", percentile(latencies, 50),
                percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
        out.println("responses by status and error:");
        for (Map.Entry<String, Long> outcome : recorder.outcomes().entrySet()) {
            out.printf(Locale.ROOT, "  %-40s %d%n", outcome.getKey(), outcome.getValue());
        }
        if (recorder.starvedWaits.sum() > 0) {
            out.printf(Locale.ROOT, "waits for a usable user: %d (seed more users if this is large: one code per user per 30 s)%n",
                    recorder.starvedWaits.sum());
        }
        out.println("cpu in the measured phase: " + cpu);
        out.println("server heap after GC under load: " + heap);
    }

    /**
     * One line for a script to collect: target, scenario, clients, operations/s, p50 and p99 in ms,
     * server cores and server CPU ms per successful operation (-1 when not measured), the hash floor
     * (verifications/s, 0 when none), the failure count, then the cores used by the generator, by
     * PostgreSQL and by the whole machine (without steal), and the cores the host stole (each -1 when
     * not measured). Space-separated, fixed order.
     */
    static void summary(PrintStream out, Options options, Recorder recorder, long measuredNanos, CpuMeter cpu,
                        double floor) {
        double serverCpuSeconds = cpu.serverSeconds();
        CpuMeter.Shares shares = cpu.shares();
        double seconds = measuredNanos / 1e9;
        long[] latencies = recorder.sortedLatencies();
        long ok = recorder.successes.sum();
        out.printf(Locale.ROOT, "SUMMARY %s %s %d %.1f %.2f %.2f %.2f %.2f %.1f %d %.2f %.2f %.2f %.2f%n",
                options.target(), options.scenario(),
                options.concurrency(), ok / seconds, millis(latencies, 50), millis(latencies, 99),
                serverCpuSeconds < 0 ? -1 : serverCpuSeconds / seconds,
                serverCpuSeconds < 0 || ok == 0 ? -1 : 1000 * serverCpuSeconds / ok, floor, recorder.failures.sum(),
                shares.generator(), shares.postgres(),
                shares.machineBusy() < 0 ? -1 : shares.machineBusy() - shares.steal(), shares.steal());
    }

    private static double millis(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    private static String database(Options options) {
        if (options.target().equals("keycloak")) {
            return "Keycloak's own";
        }
        if (options.dbUrl().startsWith("jdbc:postgresql")) {
            return "PostgreSQL";
        }
        return options.dbUrl().startsWith("jdbc:h2") ? "H2" : "not given";
    }

    static String percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
        return String.format(Locale.ROOT, "%.2f ms", sorted[index] / 1e6);
    }
}
