package io.twofold.mfa.secret;

import io.twofold.mfa.port.out.RandomSource;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The production {@link RandomSource}: a {@link SecureRandom} per thread.
 * <p>
 * By default each thread gets its own instance of the JDK's {@code DRBG} (NIST SP 800-90A, seeded
 * from the operating system), so concurrent requests never queue for random bytes: the platform
 * default on Linux ({@code NativePRNG}) funnels every instance through one lock, which showed on
 * every token's {@code jti} under load. Where {@code DRBG} is missing, the platform default is used.
 */
public final class SecureRandomSource implements RandomSource {
    private final Supplier<SecureRandom> random;

    public SecureRandomSource() {
        this.random = ThreadLocal.withInitial(SecureRandomSource::perThread)::get;
    }

    /** One given instance for every thread (a test's seeded generator, a host's own choice). */
    public SecureRandomSource(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        this.random = () -> random;
    }

    /** A new instance of the kind the default constructor gives each thread. */
    public static SecureRandom perThread() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.get().nextBytes(bytes);
    }

    @Override
    public int nextInt(int bound) {
        return random.get().nextInt(bound);
    }
}
