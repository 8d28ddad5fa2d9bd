package io.twofold.mfa.policy;

import java.time.Duration;

/** How many out-of-band codes a user may be sent: a bucket of {@code burst}, one more every {@code refill}. */
public record SendLimits(int burst, Duration refill) {
    public static final SendLimits DEFAULT = new SendLimits(10, Duration.ofHours(1));
}
