package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.SendLimits;
import io.vavr.control.Either;

/** How many out-of-band codes a user may be sent (spec 10: 10, then one an hour). */
final class SendLimiter {
    private static final String KEY_PREFIX = "oob-sends:";

    private final TokenBuckets buckets;
    private final SendLimits limits;

    SendLimiter(TokenBuckets buckets, SendLimits limits) {
        this.buckets = buckets;
        this.limits = limits;
    }

    Either<MfaError, UserId> take(UserId user) {
        return buckets.tryTake(KEY_PREFIX + user.value(), limits.burst(), limits.refill())
                ? Either.right(user)
                : Either.left(new MfaError.TooManySends());
    }

    /** Forgets users whose send bucket is full again: the same as never having been sent a code. */
    int removeRestedBuckets() {
        return buckets.removeFull(KEY_PREFIX, limits.burst(), limits.refill());
    }
}
