package io.twofold.mfa.benchmarks;

import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.otp.RfcOneTimePasswords;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.OtpParameters;
import io.twofold.mfa.secret.SecureRandomSource;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One TOTP verification as an mfa-otp grant does it: every step of the window is computed and
 * compared (no early exit), so a right code and a wrong one should cost the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class TotpVerificationBenchmark {
    /** Steps accepted either side of now; 1 is the default (RFC 6238, NIST SP 800-63B). */
    @Param({"1"})
    int window;

    /** A fixed instant in the middle of a step, so no iteration straddles a step boundary. */
    private final Instant at = Instant.ofEpochSecond(1_700_000_015L);
    private RfcOneTimePasswords otp;
    private Totp totp;
    private OtpSeed seed;
    private byte[] key;
    private String rightCode;
    private String wrongCode;

    @Setup
    public void setUp() {
        OtpParameters parameters = new OtpParameters(OtpParameters.OtpAlgorithm.SHA1, 6, Duration.ofSeconds(30), window);
        otp = new RfcOneTimePasswords(parameters, new SecureRandomSource());
        totp = new Totp(parameters);
        seed = otp.newSeed();
        key = seed.bytes();
        rightCode = totp.codeAt(key, at);
        wrongCode = rightCode.equals("000000") ? "000001" : "000000";
    }

    @Benchmark
    public Option<Long> verifyRightCode() {
        return otp.verify(seed, rightCode, at);
    }

    @Benchmark
    public Option<Long> verifyWrongCode() {
        return otp.verify(seed, wrongCode, at);
    }

    /** One HOTP code alone (one HMAC-SHA1 and the truncation), the unit a window multiplies. */
    @Benchmark
    public String oneCode() {
        return totp.codeAt(key, at);
    }
}
