package io.twofold.mfa.port.out;

/** Where every random value comes from: a {@code SecureRandom} in production, a seeded one in tests. */
public interface RandomSource {

    /** Fills {@code bytes} with random bytes (seeds, tokens, codes: they must be cryptographically strong). */
    void nextBytes(byte[] bytes);

    /** A uniform value in {@code [0, bound)}. */
    int nextInt(int bound);
}
