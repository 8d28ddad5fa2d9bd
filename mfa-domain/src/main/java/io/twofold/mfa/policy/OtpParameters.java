package io.twofold.mfa.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * How TOTP codes are made and checked: HMAC algorithm, digits, period, and how many steps either
 * side of now are accepted. Defaults: SHA1, 6 digits, 30 s, one step of skew (RFC 6238, NIST SP 800-63B).
 */
public record OtpParameters(OtpAlgorithm algorithm, int digits, Duration period, int window) {
    public static final OtpParameters DEFAULT = new OtpParameters(OtpAlgorithm.SHA1, 6, Duration.ofSeconds(30), 1);

    public OtpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("codes have 6 or 8 digits");
        }
        if (period.isNegative() || period.isZero() || period.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the period is a positive whole number of seconds");
        }
        if (window < 0 || window > 10) {
            throw new IllegalArgumentException("the window is 0 to 10 steps");
        }
    }

    /** The HMAC behind the code. */
    public enum OtpAlgorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jcaName;

        OtpAlgorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        public String jcaName() {
            return jcaName;
        }
    }
}
