package io.twofold.mfa.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What an out-of-band code must pass before it is sent; every limit is a token bucket shared by all
 * nodes. {@code enrollmentsPerUser} counts sends to addresses a user is enrolling (spec 10: 10, then
 * one an hour); a challenge to a confirmed factor is not charged to it, so challenges triggered with a
 * stolen password cannot lock the user's enrollments, nor the reverse. {@code perDestination}
 * (phone number or email address, whichever the user), {@code perEndUserIp} and {@code global} count
 * every send. SMS and voice codes go only to numbers under {@code allowedCountries}.
 */
public record SendLimits(
        SendLimit enrollmentsPerUser,
        SendLimit perDestination,
        SendLimit perEndUserIp,
        SendLimit global,
        CallingCodes allowedCountries) {

    public static final SendLimits DEFAULT = new SendLimits(
            new SendLimit(10, Duration.ofHours(1)),
            new SendLimit(5, Duration.ofMinutes(10)),
            new SendLimit(20, Duration.ofMinutes(1)),
            // 100 a minute: a burst of 100, then one more every 600 ms
            new SendLimit(100, Duration.ofMillis(600)),
            CallingCodes.ANY);

    public SendLimits {
        Objects.requireNonNull(enrollmentsPerUser, "enrollmentsPerUser");
        Objects.requireNonNull(perDestination, "perDestination");
        Objects.requireNonNull(perEndUserIp, "perEndUserIp");
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(allowedCountries, "allowedCountries");
    }
}
