package io.twofold.mfa.loadgen;

import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.PasswordHashing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One JVM start of the "Argon2 and the JIT" probe (README, "Known trap"): how fast this JVM's
 * Argon2id runs once it has gone through the bundled app's start-up and a spell of login load,
 * measured against the C reference implementation on the same processor.
 * <p>
 * The JVM does what the app does: {@code --warm-up} runs {@link Argon2idHasher#warmUp} as
 * {@code StorageFactory} does; then every processor hashes for {@code LOAD_SECONDS}, as under a
 * stream of logins, which is when C2 settles on its code. Then this thread is pinned to one processor
 * and alternates one timed verification with one run of the {@code argon2} command (Debian's package
 * of the reference code, same parameters) pinned to the same processor. This host's virtual CPUs
 * change speed by up to 1.7x within seconds, for the JVM and the C code alike; the ratio Java / C of
 * neighbouring hashes cancels that out, and what is left is this JVM's compiled code. A start that
 * kept C2's slow code would show a ratio far above the others.
 * <p>
 * Prints one line: {@code <variant> cpu <n> java <ms> c <ms> ratio <java/c>} (medians of 16 pairs;
 * the C time includes starting the process). Run it through
 * {@code mfa-app/src/loadgen/argon2-starts.sh}, which starts many JVMs and sums up.
 */
public final class Argon2Start {
    private static final long LOAD_SECONDS = 15;
    private static final int PAIRS = 16;
    private static final String PASSWORD = "twofold-probe";

    private Argon2Start() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("--warm-up") || args[0].equals("--no-warm-up"))) {
            System.err.println("usage: Argon2Start --warm-up|--no-warm-up <cpu>");
            System.exit(2);
        }
        boolean warmUp = args[0].equals("--warm-up");
        String cpu = args[1];
        int threads = Argon2idHasher.DEFAULT_MAX_CONCURRENT;
        Argon2idHasher hasher = new Argon2idHasher(PasswordHashing.OWASP, new SecureRandom(), threads);
        if (warmUp) {
            hasher.warmUp(20);
        }
        String phc = hasher.hash(PASSWORD);
        load(hasher, phc, threads);

        pinThisThread(cpu);
        double[] java = new double[PAIRS];
        double[] c = new double[PAIRS];
        double[] ratio = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            long start = System.nanoTime();
            if (!hasher.verify(PASSWORD, phc)) {
                throw new IllegalStateException("the probe's own hash did not verify");
            }
            java[i] = (System.nanoTime() - start) / 1e6;
            c[i] = referenceMillis(cpu);
            ratio[i] = java[i] / c[i];
        }
        System.out.printf(Locale.ROOT, "%s cpu %s java %.1f c %.1f ratio %.2f%n",
                warmUp ? "warm-up" : "no-warm-up", cpu, median(java), median(c), median(ratio));
    }

    /** Every processor verifying for {@link #LOAD_SECONDS}, as under a stream of logins. */
    private static void load(Argon2idHasher hasher, String phc, int threads) throws InterruptedException {
        long end = System.nanoTime() + LOAD_SECONDS * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    hasher.verify(PASSWORD, phc);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static void pinThisThread(String cpu) throws IOException, InterruptedException {
        String threadId = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        run(new ProcessBuilder("taskset", "-pc", cpu, threadId));
    }

    /** One Argon2id hash by the C reference with the parameters of {@link PasswordHashing#OWASP}, in ms. */
    private static double referenceMillis(String cpu) throws IOException, InterruptedException {
        PasswordHashing owasp = PasswordHashing.OWASP;
        long start = System.nanoTime();
        run(new ProcessBuilder("taskset", "-c", cpu, "argon2", "twofold-probe-salt", "-id",
                "-t", String.valueOf(owasp.iterations()), "-k", String.valueOf(owasp.memoryKib()),
                "-p", String.valueOf(owasp.parallelism()), "-l", String.valueOf(owasp.hashBytes()), "-r"),
                PASSWORD);
        return (System.nanoTime() - start) / 1e6;
    }

    private static void run(ProcessBuilder command, String... stdin) throws IOException, InterruptedException {
        Process process = command.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            for (String text : stdin) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
