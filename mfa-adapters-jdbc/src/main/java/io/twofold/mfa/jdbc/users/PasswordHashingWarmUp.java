package io.twofold.mfa.jdbc.users;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * Password verifications on one thread before a server takes requests, so the JIT has compiled
 * Argon2 before concurrent first logins reach it (README, "Known trap"). The compiled code serves
 * every hasher, so this one needs only the parameters the server's hashes use.
 */
public final class PasswordHashingWarmUp {
    private final Argon2idHasher hasher;

    public PasswordHashingWarmUp(PasswordHashing parameters) {
        this.hasher = new Argon2idHasher(parameters, new SecureRandom(), 1);
    }

    /** Runs {@code rounds} verifications on the calling thread; returns how long they took. */
    public Duration run(int rounds) {
        long start = System.nanoTime();
        hasher.warmUp(rounds);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
