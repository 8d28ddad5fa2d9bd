package io.twofold.mfa.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time spent during the measured phase by the generator itself and (on Linux, given its pid)
 * by the server. On a small machine both share the cores, so a generator that burns as much CPU
 * as the server is part of the result, and shows here.
 */
final class CpuMeter {
    /** USER_HZ: /proc reports CPU time in ticks of 10 ms on every common Linux. */
    private static final double TICK_SECONDS = 0.01;

    private final long serverPid;
    private long ownStart;
    private double serverStart;
    private long wallStart;
    private String result = "not measured";
    private double serverSeconds = -1;

    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    void start() {
        wallStart = System.nanoTime();
        ownStart = ownCpuNanos();
        serverStart = serverCpuSeconds();
    }

    void stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double own = (ownCpuNanos() - ownStart) / 1e9;
        double server = serverCpuSeconds() - serverStart;
        serverSeconds = serverPid > 0 && server >= 0 ? server : -1;
        result = String.format(Locale.ROOT, "generator %.1f s (%.2f cores)", own, own / wall)
                + (serverPid > 0 && server >= 0
                ? String.format(Locale.ROOT, ", server %.1f s (%.2f cores)", server, server / wall) : "")
                + String.format(Locale.ROOT, " of %d cores", Runtime.getRuntime().availableProcessors());
    }

    String result() {
        return result;
    }

    /** The server's CPU seconds in the measured phase; negative when not measured. */
    double serverSeconds() {
        return serverSeconds;
    }

    private static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private double serverCpuSeconds() {
        if (serverPid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(serverPid), "stat"));
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_SECONDS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
