package io.twofold.mfa.loadgen;

import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.PasswordHashing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The password-hash floor of this machine in the same run as a login load: Argon2id verifications
 * with the production parameters, one thread per processor (what the server allows at once), in
 * this process, while the server is idle just before and just after the load. A full MFA login does exactly one
 * verification, so the floor is the most logins per second the machine could ever do.
 */
final class HashFloor {
    /** As many single-threaded verifications as the server runs before it takes requests. */
    private static final int SERVER_WARM_UP = 20;
    private HashFloor() {
    }

    /**
     * Verifications per second, after the server's own start-up warm-up (the same single-threaded
     * hashes) and {@code warmupMillis} of the measured work itself.
     */
    static double measure(long warmupMillis, long durationMillis) throws InterruptedException {
        return measure(PasswordHashing.OWASP, warmupMillis, durationMillis);
    }

    /** The same with other Argon2id parameters (Keycloak's own, for its login). */
    static double measure(PasswordHashing parameters, long warmupMillis, long durationMillis) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        Argon2idHasher hasher = new Argon2idHasher(parameters, new SecureRandom(), threads);
        hasher.warmUp(SERVER_WARM_UP);
        String phc = hasher.hash("floor-password");
        LongAdder verified = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    boolean matched = hasher.verify("floor-password", phc);
                    if (matched && counting.get()) {
                        verified.increment();
                    }
                }
            }, "hash-floor-" + i);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(warmupMillis);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(durationMillis);
        counting.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return verified.sum() / seconds;
    }
}
