package io.twofold.mfa.loadgen;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the server's CPU went in the measured phase: async-profiler (its {@code libasyncProfiler.so},
 * e.g. from Maven Central's {@code tools.profiler:async-profiler}) loaded into the server's JVM
 * through the attach API, CPU samples every millisecond, read back as collapsed stacks and sorted
 * into the buckets that decide a login's cost. Works on Twofold and on Keycloak alike: both hash
 * with Bouncy Castle's Argon2.
 */
final class ServerProfile {
    private static final Pattern HASHING = Pattern.compile("Argon2BytesGenerator");
    private static final Pattern HASH_MEMORY = Pattern.compile("Argon2BytesGenerator\\.allocateMemory|Argon2BytesGenerator\\$FixedBlockPool");
    private static final Pattern COLLECTOR = Pattern.compile("G1|GCTask|ConcurrentGCThread|WorkerThread::run|SafepointSynchronize");
    private static final Pattern COMPILER = Pattern.compile("CompileBroker|C2Compiler|Compilation::");
    private static final Pattern SIGNING = Pattern.compile("amazonCorrettoCryptoProvider|RSACore|RSASignature|sun/security/rsa");

    private final long pid;
    private final String agent;
    private String result = "";

    /** @param agent the path of libasyncProfiler.so; empty: no profile */
    ServerProfile(long pid, String agent) {
        this.pid = pid;
        this.agent = agent;
    }

    boolean enabled() {
        return pid > 0 && !agent.isEmpty();
    }

    void start() {
        if (enabled()) {
            result = command("start,event=cpu,interval=1ms") ? "" : "server profile: could not attach to pid " + pid;
        }
    }

    void stop() {
        if (!enabled() || !result.isEmpty()) {
            return;
        }
        try {
            Path file = Files.createTempFile("twofold-profile", ".collapsed");
            result = command("stop,file=" + file + ",collapsed") ? summary(Files.readAllLines(file)) : "server profile: stop failed";
            Files.deleteIfExists(file);
        } catch (IOException e) {
            result = "server profile: " + e.getMessage();
        }
    }

    /** One line for the report; empty when not profiled. */
    String result() {
        return result;
    }

    private boolean command(String options) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgentPath(agent, options);
            } finally {
                vm.detach();
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Shares of all samples: Argon2 (and its memory), collector, compiler, RSA signing, the rest; and the hottest frames. */
    static String summary(List<String> collapsed) {
        long total = 0;
        long hashing = 0;
        long hashMemory = 0;
        long collector = 0;
        long compiler = 0;
        long signing = 0;
        Map<String, Long> leaves = new HashMap<>();
        for (String line : collapsed) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).strip());
            String stack = line.substring(0, space);
            total += samples;
            if (HASHING.matcher(stack).find()) {
                hashing += samples;
                hashMemory += HASH_MEMORY.matcher(stack).find() ? samples : 0;
            } else if (COLLECTOR.matcher(stack).find()) {
                collector += samples;
            } else if (COMPILER.matcher(stack).find()) {
                compiler += samples;
            } else if (SIGNING.matcher(stack).find()) {
                signing += samples;
            }
            leaves.merge(stack.substring(stack.lastIndexOf(';') + 1), samples, Long::sum);
        }
        if (total == 0) {
            return "server profile: no samples";
        }
        long all = total;
        String hottest = leaves.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", shortName(e.getKey()), 100.0 * e.getValue() / all))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "server profile (async-profiler, cpu, measured phase, %d samples): Argon2 %.1f %%"
                        + " (of which taking its memory %.1f %%), garbage collector %.1f %%, JIT compiler %.1f %%,"
                        + " RSA signing %.1f %%, the rest %.1f %%; hottest frames: %s",
                total, pct(hashing, total), pct(hashMemory, total), pct(collector, total), pct(compiler, total),
                pct(signing, total), pct(total - hashing - collector - compiler - signing, total), hottest);
    }

    private static double pct(long part, long total) {
        return 100.0 * part / total;
    }

    /** {@code org/bouncycastle/.../Argon2BytesGenerator$FillBlock.applyBlake} becomes {@code Argon2BytesGenerator$FillBlock.applyBlake}. */
    private static String shortName(String frame) {
        return Stream.of(frame.split("/")).reduce((first, second) -> second).orElse(frame).strip();
    }
}
