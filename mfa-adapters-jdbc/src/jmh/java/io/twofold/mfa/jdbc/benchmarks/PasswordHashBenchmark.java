package io.twofold.mfa.jdbc.benchmarks;

import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.PasswordHashing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * One password verification with the production parameters (Argon2id, 19 MiB, t=2, p=1): the cost
 * of every password-realm login, and of every unknown-user login too (a dummy hash is verified).
 *
 * <p>Many forks on purpose: the pure-Java Argon2 has been seen to settle at one of two speeds
 * (about 20 or 39 ms) chosen by the JIT early in a JVM's life and stable afterwards, so the spread
 * between forks matters more than the spread within one. The C2-only variant
 * ({@code -XX:-TieredCompilation}) was the fast one on every start; it runs beside the default so
 * the two can be compared in one report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(5)
public class PasswordHashBenchmark {
    private static final String PASSWORD = "correct horse battery staple";

    private Argon2idHasher hasher;
    private String stored;

    @Setup
    public void setUp() {
        hasher = new Argon2idHasher(PasswordHashing.OWASP, new SecureRandom());
        stored = hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean verifyDefaultJit() {
        return hasher.verify(PASSWORD, stored);
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = "-XX:-TieredCompilation")
    public boolean verifyC2Only() {
        return hasher.verify(PASSWORD, stored);
    }
}
