package io.twofold.mfa.policy;

import java.time.Duration;

/** One send limit as a token bucket: {@code burst} codes at once, then one more every {@code refill}. */
public record SendLimit(int burst, Duration refill) {

    public SendLimit {
        new BucketRule(burst, refill);
    }

    /** The limit as a bucket rule. */
    public BucketRule bucket() {
        return new BucketRule(burst, refill);
    }
}
