package io.twofold.mfa.jdbc.seal;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Seals secrets at rest with AES-256-GCM under the keyring's current key. The associated data
 * names what the value belongs to (for a TOTP seed: its user and authenticator), so a sealed value
 * copied into another row does not open there.
 */
public final class Sealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Keyring keyring;
    private final SecureRandom random;

    public Sealer(Keyring keyring, SecureRandom random) {
        this.keyring = keyring;
        this.random = random;
    }

    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        // A fresh random nonce per value: GCM must never reuse a nonce under one key.
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyring.currentKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, stored, NONCE_BYTES, ciphertext.length);
            return new Sealed(keyring.currentKeyId(), stored);
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot seal with key " + keyring.currentKeyId(), e);
        }
    }

    /** The plaintext; throws {@link SealingException} when the key, the associated data or the bytes do not fit. */
    public byte[] open(Sealed sealed, byte[] associatedData) {
        SecretKey key = keyring.key(sealed.keyId())
                .getOrElseThrow(() -> new SealingException("no sealing key " + sealed.keyId() + " in the keyring"));
        byte[] stored = sealed.nonceAndCiphertext();
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealingException("sealed value under key " + sealed.keyId() + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // The cause (AEADBadTagException) carries no data; the message names only the key id.
            throw new SealingException("cannot open a value sealed under key " + sealed.keyId()
                    + ": wrong key, wrong owner or tampered", e);
        }
    }

    /**
     * The same plaintext sealed again under the current key (a fresh nonce), for moving values off a
     * key that is being retired. The plaintext lives only inside this call and is wiped.
     */
    public Sealed reseal(Sealed sealed, byte[] associatedData) {
        byte[] plaintext = open(sealed, associatedData);
        try {
            return seal(plaintext, associatedData);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return keyring.currentKeyId();
    }

    /**
     * Associated data from several parts, each prefixed by its length, so that ("a|b", "c") and
     * ("a", "b|c") never give the same bytes.
     */
    public static byte[] associatedData(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
