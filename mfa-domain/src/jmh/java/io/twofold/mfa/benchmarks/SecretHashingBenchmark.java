package io.twofold.mfa.benchmarks;

import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.secret.internal.RecoveryCodes;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.secret.SecureRandomSource;
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

import java.util.concurrent.TimeUnit;

/**
 * The hashing every bearer secret goes through: an mfa_token or oob_code looked up by its
 * SHA-256, a binding code hashed with its oob_code, a recovery code normalized, hashed and compared.
 * Making new secrets is measured too, because the platform SecureRandom sits on that path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class SecretHashingBenchmark {
    private SecretGenerator secrets;
    private String mfaToken;
    private String bindingCode;
    private String typedRecoveryCode;
    private SecretHash storedRecoveryHash;

    @Setup
    public void setUp() {
        secrets = new SecretGenerator(new SecureRandomSource());
        mfaToken = secrets.opaqueToken();
        bindingCode = secrets.bindingCode();
        String recoveryCode = secrets.recoveryCode();
        // As a user might type it: lowercase, in groups of four.
        typedRecoveryCode = recoveryCode.toLowerCase().replaceAll("(.{4})(?!$)", "$1-");
        storedRecoveryHash = SecretHash.of(recoveryCode);
    }

    @Benchmark
    public SecretHash tokenHash() {
        return SecretHash.of(mfaToken);
    }

    @Benchmark
    public SecretHash bindingCodeHash() {
        return SecretHash.of(mfaToken, bindingCode);
    }

    @Benchmark
    public boolean recoveryCodeCheck() {
        return RecoveryCodes.normalize(typedRecoveryCode)
                .exists(code -> SecretHash.of(code).matches(storedRecoveryHash));
    }

    @Benchmark
    public String newOpaqueToken() {
        return secrets.opaqueToken();
    }

    @Benchmark
    public String newRecoveryCode() {
        return secrets.recoveryCode();
    }
}
