package io.twofold.mfa.http.token;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node follows the signing keys in the store: it re-reads them every {@code every} (so a
 * rotation made anywhere is signed with here within that bound), and a retired key stays published
 * and verifying for {@code retiredKeysKept} after it stopped signing (the longest token lifetime and
 * a margin, so that no token it signed dies before its time).
 */
public record KeyRefresh(Duration every, Duration retiredKeysKept) {
    /** Added to the longest token lifetime: clocks of nodes and clients disagree a little. */
    public static final Duration MARGIN = Duration.ofMinutes(5);
    /** Re-read every 30 s; keep retired keys a day and 5 minutes (Auth0's default access-token lifetime). */
    public static final KeyRefresh DEFAULT = new KeyRefresh(Duration.ofSeconds(30),
            JwtSettings.DEFAULT_ACCESS_TOKEN_LIFETIME.plus(MARGIN));

    public KeyRefresh {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(retiredKeysKept, "retiredKeysKept");
        if (every.isNegative() || every.isZero() || retiredKeysKept.isNegative()) {
            throw new IllegalArgumentException("the refresh interval must be positive and the retention not negative");
        }
    }

    /** Retired keys kept for the longest of these token lifetimes plus {@link #MARGIN}. */
    public static Duration retentionFor(Duration... tokenLifetimes) {
        Duration longest = JwtTokenIssuer.MFA_API_LIFETIME;
        for (Duration lifetime : tokenLifetimes) {
            longest = lifetime.compareTo(longest) > 0 ? lifetime : longest;
        }
        return longest.plus(MARGIN);
    }
}
