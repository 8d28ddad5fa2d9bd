package io.twofold.mfa.jdbc.seal;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The AES-256 keys that seal secrets at rest, by key id, and the id of the one that seals new
 * values. Older keys stay in the ring so that values sealed before a rotation still open.
 * It never prints a key.
 */
public final class Keyring {
    /** Key ids are stored beside every sealed value, so they are short and plain. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;

    private Keyring(Map<String, SecretKey> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /** A ring of raw 32-byte keys; {@code currentKeyId} must be one of them. */
    public static Keyring of(String currentKeyId, java.util.Map<String, byte[]> rawKeys) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        Map<String, SecretKey> keys = LinkedHashMap.empty();
        for (java.util.Map.Entry<String, byte[]> entry : rawKeys.entrySet()) {
            String id = entry.getKey();
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a sealing key id is 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (entry.getValue() == null || entry.getValue().length != KEY_BYTES) {
                throw new IllegalArgumentException("sealing key " + id + " must be 32 bytes (AES-256)");
            }
            keys = keys.put(id, new SecretKeySpec(entry.getValue().clone(), "AES"));
        }
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current sealing key id " + currentKeyId + " is not in the keyring");
        }
        return new Keyring(keys, currentKeyId);
    }

    /** A ring of base64-encoded keys, as configuration gives them. */
    public static Keyring ofBase64(String currentKeyId, java.util.Map<String, String> base64Keys) {
        java.util.Map<String, byte[]> raw = new java.util.LinkedHashMap<>();
        base64Keys.forEach((id, encoded) -> raw.put(id, decode(id, encoded)));
        return of(currentKeyId, raw);
    }

    /** A ring of one key. */
    public static Keyring single(String keyId, byte[] key) {
        return of(keyId, java.util.Map.of(keyId, key));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    SecretKey currentKey() {
        return keys.get(currentKeyId).get();
    }

    Option<SecretKey> key(String keyId) {
        return keys.get(keyId);
    }

    @Override
    public String toString() {
        return "Keyring[current=" + currentKeyId + ", ids=" + keys.keySet().mkString(",") + ", keys=***]";
    }

    private static byte[] decode(String id, String encoded) {
        try {
            return Base64.getDecoder().decode(encoded == null ? "" : encoded.strip());
        } catch (IllegalArgumentException e) {
            // The message of the decoder's exception may quote the input: leave it out.
            throw new IllegalArgumentException("sealing key " + id + " is not valid base64");
        }
    }
}
