package io.twofold.mfa.jdbc.users;

import java.security.SecureRandom;
import java.time.Duration;

/** Password verifications on one thread at start-up, so Argon2 is compiled before the first logins come. */
public final class PasswordHashingWarmUp {
    /** Its own: the compiled code serves every hasher, so only the parameters must be the server's. */
    private final Argon2idHasher hasher;

    public PasswordHashingWarmUp(PasswordHashing parameters) {
        this.hasher = new Argon2idHasher(parameters, new SecureRandom(), 1);
    }

    /** Runs {@code rounds} verifications on the calling thread; returns how long they took (README, "Known trap"). */
    public Duration run(int rounds) {
        long start = System.nanoTime();
        hasher.warmUp(rounds);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
