package io.twofold.mfa.policy;

import java.time.Duration;
import java.util.Objects;

/** One send limit as a token bucket: {@code burst} codes at once, then one more every {@code refill}. */
public record SendLimit(int burst, Duration refill) {

    public SendLimit {
        Objects.requireNonNull(refill, "refill");
        if (burst < 1) {
            throw new IllegalArgumentException("a send limit needs a burst of at least one code");
        }
        if (refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("a send limit needs a positive refill period");
        }
    }
}
