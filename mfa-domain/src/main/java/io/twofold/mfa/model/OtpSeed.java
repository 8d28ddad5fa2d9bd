package io.twofold.mfa.model;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The shared secret of a TOTP authenticator. It never prints itself: {@link #toString()} is
 * redacted so that a seed that reaches a log line or an exception message leaks nothing.
 */
public final class OtpSeed {
    private final byte[] bytes;

    public OtpSeed(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 10) {
            throw new IllegalArgumentException("a seed has at least 80 bits");
        }
        this.bytes = bytes.clone();
    }

    /** A copy of the raw key, for the code generator and for sealing at rest. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OtpSeed seed && MessageDigest.isEqual(bytes, seed.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "OtpSeed[redacted]";
    }
}
