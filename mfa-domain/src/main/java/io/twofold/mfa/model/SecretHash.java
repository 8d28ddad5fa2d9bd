package io.twofold.mfa.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of a high-entropy secret (an {@code mfa_token}, an {@code oob_code}, a recovery code):
 * what the stores keep instead of the secret. A plain hash is enough because these secrets carry
 * at least 120 random bits; low-entropy codes are hashed together with one of them ({@link #of(String, String)}).
 */
public record SecretHash(String hex) {
    public SecretHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 hex digest has 64 characters");
        }
    }

    public static SecretHash of(String secret) {
        return new SecretHash(HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Hashes a short code (a 6-digit binding code) keyed by the high-entropy secret it belongs to,
     * so a reader of the database cannot recover the code by trying all million values.
     */
    public static SecretHash of(String keySecret, String shortCode) {
        return of(keySecret + "\u0000" + shortCode);
    }

    /** Constant-time comparison: how many leading characters match must not show in the timing. */
    public boolean matches(SecretHash other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
