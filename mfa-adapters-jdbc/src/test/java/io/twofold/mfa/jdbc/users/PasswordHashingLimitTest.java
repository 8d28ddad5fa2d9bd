package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.User;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At most {@code maxConcurrent} Argon2id hashes run at once, so a login burst cannot hold 19 MiB per
 * blocking thread. Shown with a hook inside the permit, not with timings: the first hash is held
 * there until the second is seen queueing for the permit.
 */
class PasswordHashingLimitTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final CountDownLatch firstInside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    /** Runs inside each hash while it holds its permit: counts who is inside, and holds the first one there. */
    private final Runnable hook = () -> {
        if (!armed.get()) {
            return;
        }
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        firstInside.countDown();
        await(release);
        inside.decrementAndGet();
    };

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void withALimitOfOneTwoHashesNeverOverlap() throws Exception {
        Argon2idHasher hasher = new Argon2idHasher(TestDatabases.CHEAP_HASHING, new SecureRandom(), 1, hook);
        String phc = hasher.hash("pw");
        armed.set(true);

        Future<Boolean> first = pool.submit(() -> hasher.verify("pw", phc));
        assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> second = pool.submit(() -> hasher.verify("wrong", phc));
        awaitQueued(hasher);

        assertThat(inside.get()).isEqualTo(1);
        release.countDown();
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isFalse();
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void anUnknownUsersDummyHashQueuesLikeARealOne() throws Exception {
        Argon2idHasher hasher = new Argon2idHasher(TestDatabases.CHEAP_HASHING, new SecureRandom(), 1, hook);
        JdbcUserDirectory users = new JdbcUserDirectory(new Handles(DB.storage().jdbi()), hasher, new SecureRandom(),
                Clock.systemUTC(), Duration.ZERO, System::nanoTime);
        users.upsertUser(JdbcUserDirectory.DEFAULT_REALM, "alice", Option.none(), "alice-pw");
        armed.set(true);

        Future<Option<User>> unknown = pool.submit(() -> users.authenticate(Option.none(), "mallory", "alice-pw"));
        assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Option<User>> known = pool.submit(() -> users.authenticate(Option.none(), "alice", "alice-pw"));
        awaitQueued(hasher);

        assertThat(inside.get()).isEqualTo(1);
        release.countDown();
        assertThat(unknown.get()).isEmpty();
        assertThat(known.get().map(User::username)).containsExactly("alice");
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(
                        () -> new Argon2idHasher(TestDatabases.CHEAP_HASHING, new SecureRandom(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Until the second hash waits for the permit, or (with no limit in force) has got in beside the first. */
    private void awaitQueued(Argon2idHasher hasher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hasher.waiting() == 0 && inside.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(hasher.waiting()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
