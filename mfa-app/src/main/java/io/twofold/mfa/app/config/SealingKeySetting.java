package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import java.util.Arrays;

/** The AES-256 key that seals TOTP seeds (and the signing key) at rest, with the id stored beside each sealed value. */
public final class SealingKeySetting {
    public static final int KEY_BYTES = 32;

    private final String keyId;
    private final byte[] key;

    public SealingKeySetting(String keyId, byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new InvalidConfigurationException("the seed-sealing key must be " + KEY_BYTES + " bytes");
        }
        this.keyId = keyId;
        this.key = key.clone();
    }

    public String keyId() {
        return keyId;
    }

    /** A copy of the raw key. */
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealingKeySetting that && keyId.equals(that.keyId) && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SealingKeySetting[" + keyId + ", key=***]";
    }
}
