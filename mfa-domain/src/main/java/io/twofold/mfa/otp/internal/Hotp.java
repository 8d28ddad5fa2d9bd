package io.twofold.mfa.otp.internal;

import io.twofold.mfa.policy.OtpParameters.OtpAlgorithm;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 4226 HOTP: an HMAC of a counter, dynamically truncated to 6 or 8 decimal digits. */
public final class Hotp {
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Hotp() {
    }

    /** The code for {@code counter}, left-padded with zeros to {@code digits}. */
    public static String code(OtpAlgorithm algorithm, byte[] key, long counter, int digits) {
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("codes have 6 or 8 digits");
        }
        byte[] hash = hmac(algorithm, key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        // Dynamic truncation (RFC 4226 5.3): the low nibble of the last byte picks where to read 31 bits.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    private static byte[] hmac(OtpAlgorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java SE platform must provide HmacSHA1 and HmacSHA256; HmacSHA512 ships with every JDK.
            throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
        }
    }
}
