package io.twofold.mfa.model;

import java.util.Objects;

/**
 * How one TOTP authenticator makes its codes: HMAC algorithm, digits and period. Twofold enrolls
 * with {@link #DEFAULT} (SHA1, 6 digits, 30 s, what every authenticator app reads); an imported
 * authenticator keeps what its app was set up with (Keycloak's policies: 6 or 8 digits, 30 or 60 s,
 * SHA1, SHA256 or SHA512).
 */
public record TotpParameters(Algorithm algorithm, int digits, int periodSeconds) {
    public static final TotpParameters DEFAULT = new TotpParameters(Algorithm.SHA1, 6, 30);

    public TotpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("codes have 6 or 8 digits");
        }
        if (periodSeconds < 1 || periodSeconds > 300) {
            throw new IllegalArgumentException("the period is 1 to 300 seconds");
        }
    }

    /** The HMAC behind the codes. */
    public enum Algorithm {
        SHA1, SHA256, SHA512
    }
}
