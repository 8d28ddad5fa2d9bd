package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AES-256 key that seals TOTP seeds (and the signing keys) at rest, with the id stored beside each
 * sealed value, and the keys it replaced, kept for opening what they sealed until it is resealed.
 */
public final class SealingKeySetting {
    public static final int KEY_BYTES = 32;

    private final String keyId;
    private final byte[] key;
    private final Map<String, byte[]> previous;

    public SealingKeySetting(String keyId, byte[] key) {
        this(keyId, key, Map.of());
    }

    /** @param previous older keys by id, for opening only */
    public SealingKeySetting(String keyId, byte[] key, Map<String, byte[]> previous) {
        if (key.length != KEY_BYTES || previous.values().stream().anyMatch(old -> old.length != KEY_BYTES)) {
            throw new InvalidConfigurationException("the seed-sealing key must be " + KEY_BYTES + " bytes");
        }
        if (previous.containsKey(keyId)) {
            throw new InvalidConfigurationException("MFA_SECRET_KEY_PREVIOUS names the current key id " + keyId
                    + " again; give the old key its old id");
        }
        this.keyId = keyId;
        this.key = key.clone();
        Map<String, byte[]> copies = new LinkedHashMap<>();
        previous.forEach((id, old) -> copies.put(id, old.clone()));
        this.previous = copies;
    }

    public String keyId() {
        return keyId;
    }

    /** A copy of the raw key. */
    public byte[] key() {
        return key.clone();
    }

    /** The ids of the keys kept for opening only. */
    public java.util.Set<String> previousKeyIds() {
        return java.util.Collections.unmodifiableSet(previous.keySet());
    }

    /** Every key by id, the current one first: copies, for building the keyring. */
    public Map<String, byte[]> allKeys() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(keyId, key.clone());
        previous.forEach((id, old) -> all.put(id, old.clone()));
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealingKeySetting that && keyId.equals(that.keyId) && Arrays.equals(key, that.key)
                && previous.keySet().equals(that.previous.keySet())
                && previous.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), that.previous.get(entry.getKey())));
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SealingKeySetting[" + keyId + ", key=***, previous=" + previous.keySet() + "]";
    }
}
