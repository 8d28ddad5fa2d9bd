package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.policy.AttemptBudgets;
import io.twofold.mfa.policy.Lifetimes;
import io.twofold.mfa.policy.PasswordBudgets;
import io.twofold.mfa.policy.SendLimits;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.PurgeReport;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PurgeExpiredServiceTest {
    private static final Duration JUST_PAST = Duration.ofSeconds(1);
    private static final AttemptBudgets BUDGETS = AttemptBudgets.DEFAULT;
    private static final SendLimits SENDS = SendLimits.DEFAULT;

    private final MfaTestbed bed = new MfaTestbed();

    private PurgeReport purge() {
        return bed.services.purgeExpired().purge();
    }

    private String failureKey() {
        return "mfa-failures:" + bed.alice.id().value();
    }

    @Test
    void keepsAnExpiredMfaTokenAnsweringExpiredForTheGracePeriod() {
        String mfaToken = bed.mfaToken();
        bed.advance(Lifetimes.DEFAULT.mfaToken());

        assertThat(purge()).isEqualTo(new PurgeReport(0, 0, 0, 0));
        assertThat(bed.verifyOtp(mfaToken, "123456").getLeft()).isEqualTo(new MfaError.ExpiredMfaToken());

        bed.advance(PurgeExpiredService.GRACE.plus(JUST_PAST));

        assertThat(purge().transactions()).isEqualTo(1);
        assertThat(bed.verifyOtp(mfaToken, "123456").getLeft()).isEqualTo(new MfaError.MalformedMfaToken());
    }

    @Test
    void keepsAnExpiredOobCodeAnsweringExpiredForTheGracePeriod() {
        Association.Oob sms = (Association.Oob) bed.associateSms(bed.mfaToken(), MfaTestbed.PHONE).get();
        bed.advance(Lifetimes.DEFAULT.oobCode());

        assertThat(purge().challenges()).isZero();
        assertThat(bed.verifyOob(bed.mfaToken(), sms.oobCode(), "000000").getLeft())
                .isEqualTo(new MfaError.ExpiredOobCode());

        bed.advance(PurgeExpiredService.GRACE.plus(JUST_PAST));

        assertThat(purge().challenges()).isEqualTo(1);
        assertThat(bed.verifyOob(bed.mfaToken(), sms.oobCode(), "000000").getLeft())
                .isEqualTo(new MfaError.MalformedOobCode());
    }

    @Test
    void removesAPendingEnrollmentAfterItExpiredAndTheGracePeriod() {
        assertThat(bed.associateOtp(bed.mfaToken()).isRight()).isTrue();
        bed.advance(Lifetimes.DEFAULT.pendingAuthenticator());

        assertThat(purge().pendingAuthenticators()).isZero();
        assertThat(bed.authenticators.findByUser(bed.alice.id())).isNotEmpty();

        bed.advance(PurgeExpiredService.GRACE.plus(JUST_PAST));

        assertThat(purge().pendingAuthenticators()).as("the TOTP factor and its recovery code").isEqualTo(2);
        assertThat(bed.authenticators.findByUser(bed.alice.id())).isEmpty();
    }

    @Test
    void forgetsAFailureBucketOnceItIsFullAgainAndStartsAFreshOne() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();
        assertThat(bed.verifyOtp(mfaToken, bed.wrongCode(otp.secret())).isLeft()).isTrue();
        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).isRight()).isTrue();
        bed.advance(BUDGETS.userBucketRefill().multipliedBy(BUDGETS.userBucketCapacity()));

        purge();
        assertThat(bed.counters.find(failureKey())).as("refilled to the brim only now").isNotEmpty();

        bed.advance(JUST_PAST);

        purge();
        assertThat(bed.counters.find(failureKey())).isEmpty();
        bed.nextStep();
        assertThat(bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret())).isLeft()).isTrue();
        assertThat(bed.counters.find(failureKey()).map(AttemptBucket::tokens))
                .containsExactly(BUDGETS.userBucketCapacity() - 1);
    }

    @Test
    void forgetsAPasswordAttemptBucketOnceItIsFullAgain() {
        bed.mfaToken();
        PasswordBudgets passwords = PasswordBudgets.DEFAULT;
        bed.advance(passwords.refill().multipliedBy(passwords.capacity()));

        assertThat(purge().attemptBuckets()).isZero();

        bed.advance(JUST_PAST);

        assertThat(purge().attemptBuckets()).isEqualTo(1);
        assertThat(purge().attemptBuckets()).isZero();
    }

    @Test
    void keepsTheBucketOfAUserWithFailuresInARowHoweverOld() {
        Association.Otp otp = bed.enrolledTotp();
        assertThat(bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret())).isLeft()).isTrue();
        bed.advance(Duration.ofDays(30));

        purge();

        assertThat(bed.counters.find(failureKey()).map(AttemptBucket::consecutiveFailures)).containsExactly(1);
    }

    @Test
    void forgetsASendBucketOnceItIsFullAgain() {
        assertThat(bed.associateSms(bed.mfaToken(), MfaTestbed.PHONE).isRight()).isTrue();
        String sendKey = "oob-sends:" + bed.alice.id().value();
        assertThat(bed.counters.find(sendKey)).isNotEmpty();
        bed.advance(SENDS.enrollmentsPerUser().refill().multipliedBy(SENDS.enrollmentsPerUser().burst()));

        purge();
        assertThat(bed.counters.find(sendKey)).isNotEmpty();

        bed.advance(JUST_PAST);

        purge();
        assertThat(bed.counters.find(sendKey)).isEmpty();
    }

    /** Both logins share one password-attempt bucket, full again by the time of the purge. */
    @Test
    void auditsOneEventWithTheCounts() {
        bed.mfaToken();
        bed.mfaToken();
        bed.advance(Lifetimes.DEFAULT.mfaToken().plus(PurgeExpiredService.GRACE).plus(JUST_PAST));

        purge();

        assertThat(bed.audit.eventsOfType("housekeeping.purged")).singleElement().satisfies(event -> {
            assertThat(event.user()).isEqualTo(Option.none());
            assertThat(event.at()).isEqualTo(bed.clock.instant());
            assertThat(event.details()).isEqualTo(HashMap.of("transactions", "2", "challenges", "0",
                    "pending_authenticators", "0", "attempt_buckets", "1", "refresh_token_families", "0",
                    "used_client_assertions", "0"));
        });
    }

    @Test
    void auditsNothingWhenNothingWasRemoved() {
        bed.mfaToken();

        assertThat(purge().total()).isZero();
        assertThat(bed.audit.events().map(AuditEvent::type)).doesNotContain("housekeeping.purged");
    }
}
