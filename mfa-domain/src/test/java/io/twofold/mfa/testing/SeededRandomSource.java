package io.twofold.mfa.testing;

import io.twofold.mfa.port.out.RandomSource;

import java.util.Random;

/** Deterministic randomness for tests: the same seed gives the same tokens, ids and codes. */
public final class SeededRandomSource implements RandomSource {
    private final Random random;

    public SeededRandomSource(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
