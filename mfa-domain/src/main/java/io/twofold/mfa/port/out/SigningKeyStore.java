package io.twofold.mfa.port.out;

import io.vavr.control.Option;

/**
 * Keeps the token-signing key, sealed at rest, so that every node and every restart signs with
 * the same key and publishes the same JWKS.
 */
public interface SigningKeyStore {

    /** The current signing key, if one was saved. */
    Option<SigningKey> current();

    /** Saves the key only if none is saved yet; false when another node saved one first (read it then). */
    boolean saveIfAbsent(SigningKey key);
}
