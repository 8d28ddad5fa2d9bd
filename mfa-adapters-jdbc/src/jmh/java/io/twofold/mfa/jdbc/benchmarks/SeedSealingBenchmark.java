package io.twofold.mfa.jdbc.benchmarks;

import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.UserId;
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
 * AES-256-GCM sealing of a TOTP seed (at enrollment) and opening it (on every mfa-otp grant), with
 * the user and authenticator ids as associated data, exactly as the authenticator store does it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class SeedSealingBenchmark {
    private final UserId user = new UserId("auth0|bench-user-0001");
    private final AuthenticatorId id = AuthenticatorId.parse("totp|dev_ABCDEFGHIJKLMNOP").get();
    private SeedSealer sealer;
    private OtpSeed seed;
    private Sealed sealed;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] seedBytes = new byte[20];
        random.nextBytes(seedBytes);
        sealer = new SeedSealer(new Sealer(Keyring.single("bench-1", key), random));
        seed = new OtpSeed(seedBytes);
        sealed = sealer.seal(user, id, seed);
    }

    @Benchmark
    public Sealed seal() {
        return sealer.seal(user, id, seed);
    }

    @Benchmark
    public OtpSeed open() {
        return sealer.open(user, id, sealed);
    }
}
