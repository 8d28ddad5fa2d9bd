package io.twofold.mfa.port.out;

/** Where every random value comes from: a {@code SecureRandom} in production, a seeded one in tests. */
public interface RandomSource {

    void nextBytes(byte[] bytes);

    /** A uniform value in {@code [0, bound)}. */
    int nextInt(int bound);
}
