package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.error.MfaError.TooManySends.Limit;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.SendLimit;
import io.twofold.mfa.policy.SendLimits;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * Every rule an out-of-band code must pass before it is sent ({@link SendLimits}): the country
 * allow-list for phone numbers, then one token from each bucket, taken in a fixed order (the user's
 * enrollments, the destination, the end-user IP, all sends). Each take is a compare-and-set in the
 * shared store, so every bucket holds exactly across nodes. The takes are not one atomic step: when
 * a later bucket refuses, the tokens already taken are given back, so a refusal burns no budget.
 * Between the take and the give-back another request may see one token fewer and be refused too;
 * that errs on the side of sending less, never more.
 */
public final class SendLimiter {
    /** The per-user bucket kept its name from when it was the only send limit. */
    private static final String USER_PREFIX = "oob-sends:";
    private static final String DESTINATION_PREFIX = "oob-destination:";
    private static final String END_USER_IP_PREFIX = "oob-ip:";
    private static final String GLOBAL_KEY = "oob-global";
    public static final String COUNTRY_NOT_ALLOWED = "Codes cannot be sent to phone numbers in this country.";

    /** One bucket a send is charged to. */
    private record Charge(String key, SendLimit limit, Limit refusal) {
    }

    private final AttemptBuckets buckets;
    private final SendLimits limits;

    public SendLimiter(AttemptBuckets buckets, SendLimits limits) {
        this.buckets = buckets;
        this.limits = limits;
    }

    /** A send to an address the user is enrolling: also charged to the user's enrollment bucket. */
    public Either<MfaError, Factor.Oob> takeForEnrollment(UserId user, Factor.Oob destination, Option<String> endUserIp) {
        return take(destination, charges(destination, endUserIp)
                .prepend(new Charge(USER_PREFIX + user.value(), limits.enrollmentsPerUser(), Limit.USER)));
    }

    /** A send to one of the user's confirmed factors. */
    public Either<MfaError, Factor.Oob> takeForChallenge(Factor.Oob destination, Option<String> endUserIp) {
        return take(destination, charges(destination, endUserIp));
    }

    private List<Charge> charges(Factor.Oob destination, Option<String> endUserIp) {
        return List.of(new Charge(DESTINATION_PREFIX + hashed(destinationOf(destination)), limits.perDestination(),
                        Limit.DESTINATION))
                .appendAll(endUserIp.map(ip -> new Charge(END_USER_IP_PREFIX + hashed(ip.strip().toLowerCase(Locale.ROOT)),
                        limits.perEndUserIp(), Limit.END_USER_IP)))
                .append(new Charge(GLOBAL_KEY, limits.global(), Limit.GLOBAL));
    }

    private Either<MfaError, Factor.Oob> take(Factor.Oob destination, List<Charge> charges) {
        if (destination.channel() != OobChannel.EMAIL && !limits.allowedCountries().allows(destination.address())) {
            return Either.left(new MfaError.InvalidRequest(COUNTRY_NOT_ALLOWED));
        }
        List<Charge> taken = List.empty();
        for (Charge charge : charges) {
            if (!buckets.tryTake(charge.key(), charge.limit().bucket())) {
                taken.forEach(this::giveBack);
                return Either.left(new MfaError.TooManySends(charge.refusal()));
            }
            taken = taken.prepend(charge);
        }
        return Either.right(destination);
    }

    private void giveBack(Charge charge) {
        buckets.update(charge.key(), charge.limit().bucket(), charge.limit().bucket()::giveBack);
    }

    /** Forgets buckets that are full again: the same as never having been charged. */
    public int removeRestedBuckets() {
        return removeFull(USER_PREFIX, limits.enrollmentsPerUser()) + removeFull(DESTINATION_PREFIX, limits.perDestination())
                + removeFull(END_USER_IP_PREFIX, limits.perEndUserIp()) + removeFull(GLOBAL_KEY, limits.global());
    }

    private int removeFull(String keyPrefix, SendLimit limit) {
        return buckets.removeRested(keyPrefix, limit.bucket());
    }

    /** SMS and voice to one number share a bucket; email addresses are compared ignoring case. */
    private static String destinationOf(Factor.Oob destination) {
        return destination.channel() == OobChannel.EMAIL
                ? "email\u0000" + destination.address().toLowerCase(Locale.ROOT)
                : "phone\u0000" + destination.address();
    }

    /** Hashed, so the attempt store holds no phone number, email address or IP in clear. */
    private static String hashed(String value) {
        return SecretHash.of(value).hex();
    }
}
