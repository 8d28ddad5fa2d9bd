package io.twofold.mfa.secret;

import io.twofold.mfa.port.out.RandomSource;

import java.security.SecureRandom;
import java.util.Objects;

/** The production {@link RandomSource}: the platform's {@link SecureRandom}. */
public final class SecureRandomSource implements RandomSource {
    private final SecureRandom random;

    public SecureRandomSource() {
        this(new SecureRandom());
    }

    public SecureRandomSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
