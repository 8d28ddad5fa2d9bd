package io.twofold.mfa.contract;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.port.out.AttemptCounterStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AttemptCounterStore} must do, races included. Extend it with a fresh, empty store per test. */
public abstract class AttemptCounterStoreContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final int ROUNDS = 20;

    protected AttemptCounterStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract AttemptCounterStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    protected static AttemptBucket bucket(String key, int tokens, int failures, long version) {
        return new AttemptBucket(key, tokens, T0.plusSeconds(version), failures, version);
    }

    @Test
    public void findsNothingForAnUnknownKey() {
        assertThat(store.find("otp:auth0|alice")).isEmpty();
    }

    @Test
    public void insertsTheFirstVersionOnceAndReadsItBack() {
        AttemptBucket first = bucket("otp:auth0|alice", 9, 1, 1);

        assertThat(store.compareAndSet(first)).isTrue();
        assertThat(store.compareAndSet(bucket("otp:auth0|alice", 5, 5, 1))).isFalse();

        assertThat(store.find("otp:auth0|alice")).containsExactly(first);
    }

    @Test
    public void updatesOnlyFromThePreviousVersion() {
        store.compareAndSet(bucket("k", 9, 1, 1));
        AttemptBucket second = bucket("k", 8, 2, 2);

        assertThat(store.compareAndSet(second)).isTrue();
        assertThat(store.compareAndSet(bucket("k", 0, 9, 2))).as("stale version").isFalse();
        assertThat(store.compareAndSet(bucket("k", 0, 9, 4))).as("skipped version").isFalse();
        assertThat(store.compareAndSet(bucket("k", 0, 9, 1))).as("older version").isFalse();

        assertThat(store.find("k")).containsExactly(second);
    }

    @Test
    public void refusesALaterVersionForAKeyThatDoesNotExist() {
        assertThat(store.compareAndSet(bucket("missing", 9, 1, 2))).isFalse();
        assertThat(store.find("missing")).isEmpty();
    }

    @Test
    public void removesOnlyIdleBucketsWithoutFailuresUnderThePrefix() {
        Instant cutoff = T0.plusSeconds(100);
        AttemptBucket failing = bucket("mfa-failures:bob", 3, 2, 1);
        AttemptBucket recent = new AttemptBucket("mfa-failures:carol", 3, cutoff.plusSeconds(1), 0, 1);
        AttemptBucket atCutoff = new AttemptBucket("mfa-failures:dave", 3, cutoff, 0, 1);
        AttemptBucket otherKind = bucket("oob-sends:alice", 3, 0, 1);
        List.of(bucket("mfa-failures:alice", 3, 0, 1), failing, recent, atCutoff, otherKind)
                .forEach(b -> assertThat(store.compareAndSet(b)).isTrue());

        assertThat(store.removeIdle("mfa-failures:", cutoff)).isEqualTo(1);

        assertThat(store.find("mfa-failures:alice")).isEmpty();
        assertThat(store.find("mfa-failures:bob")).containsExactly(failing);
        assertThat(store.find("mfa-failures:carol")).containsExactly(recent);
        assertThat(store.find("mfa-failures:dave")).containsExactly(atCutoff);
        assertThat(store.find("oob-sends:alice")).containsExactly(otherKind);
        assertThat(store.removeIdle("mfa-failures:", cutoff)).isZero();
        assertThat(store.compareAndSet(bucket("mfa-failures:alice", 9, 1, 1))).as("starts again at version 1").isTrue();
    }

    @Test
    public void readsThePrefixLiterallyNotAsAPattern() {
        List.of(bucket("a_b:1", 3, 0, 1), bucket("axb:1", 3, 0, 1), bucket("a%:1", 3, 0, 1), bucket("a\\:1", 3, 0, 1),
                        bucket("a!:1", 3, 0, 1))
                .forEach(b -> assertThat(store.compareAndSet(b)).isTrue());
        Instant later = T0.plusSeconds(60);

        assertThat(store.removeIdle("a_b:", later)).isEqualTo(1);
        assertThat(store.removeIdle("a%", later)).isEqualTo(1);
        assertThat(store.removeIdle("a\\", later)).isEqualTo(1);
        assertThat(store.removeIdle("a!", later)).isEqualTo(1);

        assertThat(store.find("axb:1")).isNotEmpty();
        assertThat(store.find("a_b:1")).isEmpty();
    }

    @Test
    public void keepsKeysApart() {
        store.compareAndSet(bucket("otp:auth0|alice", 9, 1, 1));
        store.compareAndSet(bucket("otp:auth0|bob", 3, 7, 1));
        store.compareAndSet(bucket("otp:auth0|alice", 8, 2, 2));

        assertThat(store.find("otp:auth0|bob")).containsExactly(bucket("otp:auth0|bob", 3, 7, 1));
        assertThat(store.find("otp:auth0|alice")).containsExactly(bucket("otp:auth0|alice", 8, 2, 2));
    }

    @Test
    public void hasOneWinnerPerVersionWhenThreadsRace() {
        String key = "otp:auth0|racer";
        try (Race race = new Race()) {
            for (long version = 1; version <= ROUNDS; version++) {
                long next = version;
                List<Boolean> results = race.run(thread -> store.compareAndSet(bucket(key, thread, thread, next)));

                assertThat(results.stream().filter(Boolean::booleanValue).count()).as("version %d", version)
                        .isEqualTo(1);
                int winner = results.indexOf(true);
                assertThat(store.find(key)).containsExactly(bucket(key, winner, winner, version));
            }
        }
    }
}
