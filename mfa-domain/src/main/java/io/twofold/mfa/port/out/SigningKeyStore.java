package io.twofold.mfa.port.out;

import io.twofold.mfa.model.SigningAlgorithm;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Keeps the token-signing keys, sealed at rest, so that every node and every restart signs with
 * the same keys and publishes the same JWKS: one current key per algorithm (RS256, ES256), and the
 * keys rotations replaced until the tokens they signed have expired.
 */
public interface SigningKeyStore {

    /** The current signing key of {@code algorithm}, if one was saved. */
    Option<SigningKey> current(SigningAlgorithm algorithm);

    /** Saves the key only if its algorithm has no key yet; false when another node saved one first (read it then). */
    boolean saveIfAbsent(SigningKey key);

    /**
     * Every key kept: the current ones first (RS256, then ES256), then the retired ones, most recently
     * retired first (RS256 before ES256 when retired at the same instant, as one rotation retires both).
     */
    List<KeptSigningKey> all();

    /**
     * Makes {@code next} the current key of its algorithm, retiring that algorithm's current key at
     * {@code at}, if that key is still {@code expectedCurrentKeyId}; false (and nothing changed) when
     * another rotation came first.
     */
    boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at);

    /** Forgets the keys retired before {@code cutoff}; answers how many. */
    int dropRetiredBefore(Instant cutoff);
}
