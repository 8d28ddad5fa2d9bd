package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.error.MfaError.TooManySends.Limit;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.policy.SendLimit;
import io.twofold.mfa.policy.SendLimits;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.twofold.mfa.usecase.internal.SendLimiter;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send limits over the in-memory fakes and a hand-moved clock: per destination, per end-user IP,
 * a global cap, the country allow-list, and the rule that a refusal sends nothing and burns nothing.
 */
class SendLimitsTest {
    private static final SendLimits D = SendLimits.DEFAULT;
    private static final SendLimit GENEROUS = new SendLimit(1_000, Duration.ofSeconds(1));
    private static final String IP = "203.0.113.5";
    private static final RequestOrigin FROM_IP = new RequestOrigin(Option.some(IP), Option.none());

    private static MfaTestbed bed(SendLimits limits) {
        return new MfaTestbed(MfaSettings.defaults("Twofold Test").withSends(limits));
    }

    private static MfaError refused(Limit limit) {
        return new MfaError.TooManySends(limit);
    }

    /** Enrolls {@code phone} by SMS for a new user, from the default origin. */
    private static Either<MfaError, ?> enrollNewUser(MfaTestbed bed, String username, String phone, RequestOrigin origin) {
        return bed.associateOob(bed.newUserMfaToken(username), "sms", phone, origin);
    }

    private static ActiveAuthenticator activeSms(MfaTestbed bed, String phone) {
        PendingAuthenticator pending = Authenticators.pendingSms(bed.alice.id(), 7, phone, bed.clock.instant());
        return bed.authenticators.addActive(pending, bed.clock.instant());
    }

    private static Either<MfaError, Challenge> challenge(MfaTestbed bed, RequestOrigin origin) {
        return bed.services.challenge().challenge(new ChallengeCommand(bed.app, bed.mfaToken(), Option.of("oob"),
                Option.none(), origin));
    }

    @Test
    void sendsAtMostFiveCodesToOneNumberWhoeverEnrollsIt() {
        MfaTestbed bed = bed(D);
        for (int i = 0; i < 5; i++) {
            assertThat(enrollNewUser(bed, "user" + i, MfaTestbed.PHONE, RequestOrigin.UNKNOWN).isRight()).isTrue();
        }

        assertThat(enrollNewUser(bed, "user5", MfaTestbed.PHONE, RequestOrigin.UNKNOWN).getLeft())
                .isEqualTo(refused(Limit.DESTINATION));
        assertThat(bed.associateOob(bed.newUserMfaToken("user6"), "voice", MfaTestbed.PHONE, RequestOrigin.UNKNOWN)
                .getLeft()).as("voice to the same number shares its bucket").isEqualTo(refused(Limit.DESTINATION));
        assertThat(bed.sender.messages()).hasSize(5);
        assertThat(enrollNewUser(bed, "user7", "+15559999999", RequestOrigin.UNKNOWN).isRight())
                .as("another number").isTrue();

        bed.advance(Duration.ofMinutes(10));
        assertThat(enrollNewUser(bed, "user8", MfaTestbed.PHONE, RequestOrigin.UNKNOWN).isRight())
                .as("one more every 10 minutes").isTrue();
        assertThat(enrollNewUser(bed, "user9", MfaTestbed.PHONE, RequestOrigin.UNKNOWN).getLeft())
                .isEqualTo(refused(Limit.DESTINATION));
    }

    @Test
    void countsAnEmailAddressWhateverItsCase() {
        MfaTestbed bed = bed(new SendLimits(GENEROUS, new SendLimit(1, Duration.ofMinutes(10)), GENEROUS, GENEROUS,
                CallingCodes.ANY));
        assertThat(bed.associateOob(bed.mfaToken(), "email", "bob@example.com", RequestOrigin.UNKNOWN).isRight()).isTrue();

        assertThat(bed.associateOob(bed.mfaToken(), "email", "Bob@Example.COM", RequestOrigin.UNKNOWN).getLeft())
                .isEqualTo(refused(Limit.DESTINATION));
        assertThat(bed.sender.messages()).hasSize(1);
    }

    @Test
    void sendsAtMostTwentyCodesForOneEndUserIp() {
        MfaTestbed bed = bed(D);
        for (int i = 0; i < 20; i++) {
            assertThat(enrollNewUser(bed, "user" + i, "+1555000" + (1000 + i), FROM_IP).isRight()).isTrue();
        }

        assertThat(enrollNewUser(bed, "user20", "+15550002000", FROM_IP).getLeft()).isEqualTo(refused(Limit.END_USER_IP));
        assertThat(bed.sender.messages()).hasSize(20);
        assertThat(enrollNewUser(bed, "user21", "+15550002001", new RequestOrigin(Option.some("203.0.113.6"), Option.none()))
                .isRight()).as("another address").isTrue();

        bed.advance(Duration.ofMinutes(1));
        assertThat(enrollNewUser(bed, "user22", "+15550002002", FROM_IP).isRight()).as("one more a minute").isTrue();
    }

    @Test
    void countsTheForwardedEndUserIpOnlyForAConfidentialClient() {
        MfaTestbed bed = bed(new SendLimits(GENEROUS, GENEROUS, new SendLimit(1, Duration.ofMinutes(1)), GENEROUS,
                CallingCodes.ANY));
        activeSms(bed, MfaTestbed.PHONE);
        // The testbed's client is confidential and authenticates: each forwarded address is counted on its own.
        assertThat(challenge(bed, new RequestOrigin(Option.some(IP), Option.some("192.0.2.1"))).isRight()).isTrue();
        assertThat(challenge(bed, new RequestOrigin(Option.some(IP), Option.some("192.0.2.2"))).isRight()).isTrue();
        assertThat(challenge(bed, new RequestOrigin(Option.some(IP), Option.some("192.0.2.1"))).getLeft())
                .isEqualTo(refused(Limit.END_USER_IP));

        // An enrollment without client credentials proves nothing: the socket peer is counted.
        String mfaToken = bed.newUserMfaToken("bob");
        assertThat(bed.associateOob(mfaToken, "sms", "+15550001001", new RequestOrigin(Option.some(IP),
                Option.some("192.0.2.3"))).isRight()).isTrue();
        assertThat(bed.associateOob(mfaToken, "sms", "+15550001002", new RequestOrigin(Option.some(IP),
                Option.some("192.0.2.4"))).getLeft()).isEqualTo(refused(Limit.END_USER_IP));
    }

    @Test
    void capsAllSendsAtAHundredAMinute() {
        MfaTestbed bed = bed(D);
        for (int i = 0; i < 100; i++) {
            assertThat(enrollNewUser(bed, "user" + i, "+1555000" + (1000 + i), RequestOrigin.UNKNOWN).isRight()).isTrue();
        }

        assertThat(enrollNewUser(bed, "user100", "+15550002000", RequestOrigin.UNKNOWN).getLeft())
                .isEqualTo(refused(Limit.GLOBAL));
        assertThat(bed.sender.messages()).hasSize(100);

        bed.advance(Duration.ofMillis(600));
        assertThat(enrollNewUser(bed, "user101", "+15550002001", RequestOrigin.UNKNOWN).isRight()).isTrue();
        assertThat(enrollNewUser(bed, "user102", "+15550002002", RequestOrigin.UNKNOWN).getLeft())
                .isEqualTo(refused(Limit.GLOBAL));
    }

    @Test
    void aRefusalGivesBackWhatTheEarlierBucketsTook() {
        SendLimit once = new SendLimit(1, Duration.ofHours(1));
        MfaTestbed bed = bed(new SendLimits(once, once, once, new SendLimit(1, Duration.ofMinutes(1)), CallingCodes.ANY));
        assertThat(enrollNewUser(bed, "first", "+15550001001", new RequestOrigin(Option.some("192.0.2.1"), Option.none()))
                .isRight()).isTrue();
        String mfaToken = bed.newUserMfaToken("second");
        RequestOrigin origin = new RequestOrigin(Option.some("192.0.2.2"), Option.none());

        assertThat(bed.associateOob(mfaToken, "sms", "+15550001002", origin).getLeft()).isEqualTo(refused(Limit.GLOBAL));

        bed.advance(Duration.ofMinutes(1));
        assertThat(bed.associateOob(mfaToken, "sms", "+15550001002", origin).isRight())
                .as("the user, number and address buckets still hold their one code").isTrue();
        assertThat(bed.sender.messages()).hasSize(2);
    }

    @Test
    void challengesToTheUsersOwnFactorDoNotUseUpItsEnrollmentBudget() {
        MfaTestbed bed = bed(new SendLimits(D.enrollmentsPerUser(), GENEROUS, GENEROUS, GENEROUS, CallingCodes.ANY));
        Association.Otp totp = bed.enrolledTotp();
        activeSms(bed, MfaTestbed.PHONE);
        for (int i = 0; i < 12; i++) {
            assertThat(challenge(bed, FROM_IP).isRight()).as("challenge %d", i + 1).isTrue();
        }
        assertThat(bed.sender.messages()).hasSize(12);

        String accessToken = bed.mfaApiAccessToken(totp);
        assertThat(bed.associateOob(accessToken, "sms", "+15559999999", FROM_IP).isRight())
                .as("the user may still enroll a new phone").isTrue();
    }

    @Test
    void sendsSmsAndVoiceOnlyToAllowedCountries() {
        MfaTestbed bed = bed(new SendLimits(D.enrollmentsPerUser(), D.perDestination(), D.perEndUserIp(), D.global(),
                CallingCodes.parse("+1, +44").get()));
        MfaError notAllowed = new MfaError.InvalidRequest(SendLimiter.COUNTRY_NOT_ALLOWED);
        String mfaToken = bed.mfaToken();

        assertThat(bed.associateOob(mfaToken, "sms", "+33612345678", FROM_IP).getLeft()).isEqualTo(notAllowed);
        assertThat(bed.associateOob(mfaToken, "voice", "+881612345678", FROM_IP).getLeft()).isEqualTo(notAllowed);
        assertThat(bed.sender.messages()).isEmpty();
        assertThat(bed.associateOob(mfaToken, "sms", "+447700900123", FROM_IP).isRight()).isTrue();
        assertThat(bed.associateOob(mfaToken, "sms", MfaTestbed.PHONE, FROM_IP).isRight()).isTrue();
        assertThat(bed.associateOob(mfaToken, "email", "alice@example.fr", FROM_IP).isRight()).as("email has no country")
                .isTrue();
    }

    @Test
    void refusesAChallengeToAFactorOutsideTheAllowedCountries() {
        MfaTestbed bed = bed(new SendLimits(D.enrollmentsPerUser(), D.perDestination(), D.perEndUserIp(), D.global(),
                CallingCodes.parse("+1").get()));
        activeSms(bed, "+33612345678");

        assertThat(challenge(bed, FROM_IP).getLeft()).isEqualTo(new MfaError.InvalidRequest(SendLimiter.COUNTRY_NOT_ALLOWED));
        assertThat(bed.sender.messages()).isEmpty();
    }

    @Test
    void housekeepingForgetsEverySendBucketOnceItIsFullAgain() {
        MfaTestbed bed = bed(D);
        assertThat(bed.associateOob(bed.mfaToken(), "sms", MfaTestbed.PHONE, FROM_IP).isRight()).isTrue();
        // The longest of the four to fill up again: 10 codes at one an hour.
        bed.advance(D.enrollmentsPerUser().refill().multipliedBy(D.enrollmentsPerUser().burst()).plusSeconds(1));

        assertThat(bed.services.purgeExpired().purge().attemptBuckets())
                .as("the user's, number's, address's and global send buckets, and the login's password bucket")
                .isEqualTo(5);
        assertThat(bed.associateOob(bed.mfaToken(), "sms", MfaTestbed.PHONE, FROM_IP).isRight()).isTrue();
    }

    @Test
    void readsTheAllowListAsCommaSeparatedCallingCodes() {
        assertThat(CallingCodes.parse("+1,+44, +1242 ,").get().prefixes()).containsExactly("+1", "+44", "+1242");
        assertThat(CallingCodes.parse("").get()).isEqualTo(CallingCodes.ANY);
        assertThat(CallingCodes.parse("44").isLeft()).isTrue();
        assertThat(CallingCodes.parse("+0").isLeft()).isTrue();
        assertThat(CallingCodes.parse("+1x").isLeft()).isTrue();
        assertThat(List.of("+15551234567", "+441234567890", "+33612345678")
                .filter(CallingCodes.parse("+1,+44").get()::allows)).containsExactly("+15551234567", "+441234567890");
    }
}
