package io.twofold.mfa.port.out;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Keeps the token-signing keys, sealed at rest, so that every node and every restart signs with
 * the same key and publishes the same JWKS: the current key, and the keys rotations replaced until
 * the tokens they signed have expired.
 */
public interface SigningKeyStore {

    /** The current signing key, if one was saved. */
    Option<SigningKey> current();

    /** Saves the key only if none is saved yet; false when another node saved one first (read it then). */
    boolean saveIfAbsent(SigningKey key);

    /** Every key kept: the current one first, then the retired ones, most recently retired first. */
    List<KeptSigningKey> all();

    /**
     * Makes {@code next} the current key, retiring the current one at {@code at}, if the current key
     * is still {@code expectedCurrentKeyId}; false (and nothing changed) when another rotation came first.
     */
    boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at);

    /** Forgets the keys retired before {@code cutoff}; answers how many. */
    int dropRetiredBefore(Instant cutoff);
}
