package io.twofold.mfa.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time spent during the measured phase by the generator itself, (on Linux, given its pid) by the
 * server, by PostgreSQL's processes, and by the whole machine. On a small machine all of them share
 * the cores, so a server that leaves CPU idle shows as idle here, not as the server's low share;
 * {@code steal} is time the hypervisor gave this virtual machine's cores to someone else.
 */
final class CpuMeter {
    /** USER_HZ: /proc reports CPU time in ticks of 10 ms on every common Linux. */
    private static final double TICK_SECONDS = 0.01;
    /** Indexes into the fields of a /proc stat line after the command name (see {@link #statFields}). */
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private final long serverPid;
    private final ServerProfile profile;
    private long ownStart;
    private double serverStart;
    private double postgresStart;
    private MachineTicks machineStart;
    private long wallStart;
    private String result = "not measured";
    private double serverSeconds = -1;
    private Shares shares = Shares.NOT_MEASURED;

    /** Cores used on average in the measured phase; negative when not measured. */
    record Shares(double generator, double postgres, double machineBusy, double steal) {
        static final Shares NOT_MEASURED = new Shares(-1, -1, -1, -1);
    }

    /** The first line of /proc/stat, in ticks: everything, idle (with I/O wait), and steal. */
    private record MachineTicks(long total, long idle, long steal) {
    }

    CpuMeter(long serverPid) {
        this(serverPid, new ServerProfile(serverPid, ""));
    }

    /** With a profile of the server over the same phase, when {@code profile} is enabled. */
    CpuMeter(long serverPid, ServerProfile profile) {
        this.serverPid = serverPid;
        this.profile = profile;
    }

    void start() {
        profile.start();
        wallStart = System.nanoTime();
        ownStart = ownCpuNanos();
        serverStart = serverCpuSeconds();
        postgresStart = postgresCpuSeconds();
        machineStart = machineTicks();
    }

    void stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double own = (ownCpuNanos() - ownStart) / 1e9;
        double server = serverCpuSeconds() - serverStart;
        double postgres = postgresCpuSeconds() - postgresStart;
        MachineTicks machineEnd = machineTicks();
        serverSeconds = serverPid > 0 && server >= 0 ? server : -1;
        int cores = Runtime.getRuntime().availableProcessors();
        double busy = -1;
        double steal = -1;
        if (machineStart != null && machineEnd != null && machineEnd.total() > machineStart.total()) {
            double totalTicks = machineEnd.total() - machineStart.total();
            busy = cores * (totalTicks - (machineEnd.idle() - machineStart.idle())) / totalTicks;
            steal = cores * (machineEnd.steal() - machineStart.steal()) / totalTicks;
        }
        shares = new Shares(own / wall, postgres >= 0 ? postgres / wall : -1, busy, steal);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "generator %.1f s (%.2f cores)", own, own / wall));
        if (serverSeconds >= 0) {
            text.append(String.format(Locale.ROOT, ", server %.1f s (%.2f cores)", server, server / wall));
        }
        if (postgres > 0) {
            text.append(String.format(Locale.ROOT, ", PostgreSQL %.1f s (%.2f cores)", postgres, postgres / wall));
        }
        text.append(String.format(Locale.ROOT, " of %d cores", cores));
        if (busy >= 0) {
            text.append(String.format(Locale.ROOT, "; the machine: %.2f cores busy, %.2f idle, %.2f stolen by the host",
                    busy - steal, cores - busy, steal));
        }
        profile.stop();
        if (!profile.result().isEmpty()) {
            text.append(System.lineSeparator()).append(profile.result());
        }
        result = text.toString();
    }

    String result() {
        return result;
    }

    /** The server's CPU seconds in the measured phase; negative when not measured. */
    double serverSeconds() {
        return serverSeconds;
    }

    Shares shares() {
        return shares;
    }

    private static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private double serverCpuSeconds() {
        return serverPid <= 0 ? -1 : processCpuSeconds(Path.of("/proc", Long.toString(serverPid), "stat"));
    }

    /** utime + stime of a process from its /proc stat line; negative when it cannot be read. */
    private static double processCpuSeconds(Path stat) {
        try {
            long[] fields = statFields(stat);
            return (fields[UTIME] + fields[STIME]) * TICK_SECONDS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds of PostgreSQL on this machine: every live process named {@code postgres} (the
     * postmaster and its backends and workers), plus what the postmaster's children that have ended
     * spent (its cutime and cstime). A backend or autovacuum worker that exits during the phase moves
     * its ticks from the first sum to the second, so the total only grows; counting live processes
     * alone once made the difference negative. Negative when /proc cannot be read.
     */
    private static double postgresCpuSeconds() {
        Map<Long, long[]> postgres = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        postgres.put(Long.parseLong(process.getFileName().toString()), statFields(process.resolve("stat")));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile: its ticks are in its parent's cutime once reaped
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        long ticks = 0;
        for (long[] stat : postgres.values()) {
            ticks += stat[UTIME] + stat[STIME];
            if (!postgres.containsKey(stat[PPID])) {
                ticks += stat[CUTIME] + stat[CSTIME];
            }
        }
        return ticks * TICK_SECONDS;
    }

    /** The numeric fields of a /proc stat line after the command name: state (0), ppid (1), ..., utime (11), stime (12), cutime (13), cstime (14). */
    private static long[] statFields(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long[] numbers = new long[CSTIME + 1];
        for (int i = PPID; i <= CSTIME; i++) {
            numbers[i] = Long.parseLong(fields[i]);
        }
        return numbers;
    }

    private static MachineTicks machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice, counted in user]
            long total = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new MachineTicks(total, idle, Long.parseLong(fields[8]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
