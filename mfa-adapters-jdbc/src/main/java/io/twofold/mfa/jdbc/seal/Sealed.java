package io.twofold.mfa.jdbc.seal;

import java.util.Objects;

/**
 * A value sealed with AES-256-GCM: the id of the key that sealed it and the 12-byte nonce followed
 * by the ciphertext and its 16-byte tag, as stored in one column.
 */
public record Sealed(String keyId, byte[] nonceAndCiphertext) {
    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        nonceAndCiphertext = nonceAndCiphertext.clone();
    }

    @Override
    public byte[] nonceAndCiphertext() {
        return nonceAndCiphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed sealed && keyId.equals(sealed.keyId)
                && java.util.Arrays.equals(nonceAndCiphertext, sealed.nonceAndCiphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + java.util.Arrays.hashCode(nonceAndCiphertext);
    }

    @Override
    public String toString() {
        return "Sealed[" + keyId + ", " + nonceAndCiphertext.length + " bytes]";
    }
}
