package io.twofold.mfa.http.token;

import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Rotating the signing keys kept in a {@link SigningKeyStore}: for each algorithm, a new key becomes
 * current; every node's {@link SigningKeys} signs with it after its next re-read, and the replaced key
 * keeps verifying until it is forgotten.
 */
public final class SigningKeyRotation {

    private SigningKeyRotation() {
    }

    /** {@link #rotate(SigningKeyStore, Clock, RandomSource, Duration, List)} of both keys, RSA and EC. */
    public static Rotations rotate(SigningKeyStore store, Clock clock, RandomSource random, Duration retiredKeysKept) {
        return rotate(store, clock, random, retiredKeysKept, List.of(SigningAlgorithm.values()));
    }

    /**
     * For each algorithm, generates a key and makes it the current one in {@code store} (the first key
     * when it holds none), then forgets keys retired longer than {@code retiredKeysKept} ago. Each
     * algorithm's key is its own compare-and-set: of two rotations at once, one wins for each.
     */
    public static Rotations rotate(SigningKeyStore store, Clock clock, RandomSource random, Duration retiredKeysKept,
                                   List<SigningAlgorithm> algorithms) {
        Instant now = clock.instant();
        List<Rotation> rotations = algorithms.map(algorithm -> {
            SigningKey next = FreshKeys.generate(algorithm, random, now);
            Option<String> previous = store.current(algorithm).map(SigningKey::keyId);
            boolean made = previous.fold(() -> store.saveIfAbsent(next), kid -> store.rotate(kid, next, now));
            return new Rotation(algorithm, made, previous,
                    store.current(algorithm).map(SigningKey::keyId).getOrElse(""));
        });
        return new Rotations(rotations, store.dropRetiredBefore(now.minus(retiredKeysKept)));
    }

    /**
     * What a rotation did to one algorithm's key: whether our new key became current ({@code false}:
     * another rotation came first, and {@code current} is its key), and the key it replaced.
     */
    public record Rotation(SigningAlgorithm algorithm, boolean rotated, Option<String> previous, String current) {
    }

    /** Each algorithm's rotation, and how many retired keys were forgotten. */
    public record Rotations(List<Rotation> keys, int dropped) {
        public Rotation of(SigningAlgorithm algorithm) {
            return keys.find(rotation -> rotation.algorithm() == algorithm)
                    .getOrElseThrow(() -> new IllegalArgumentException(algorithm + " was not rotated"));
        }
    }
}
