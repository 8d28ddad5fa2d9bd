package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.usecase.internal.ChallengeSelection;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChallengeAuthenticatorServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private Either<MfaError, Challenge> challenge(String mfaToken, Option<String> types, Option<String> id) {
        return bed.services.challenge().challenge(new ChallengeCommand(bed.app, mfaToken, types, id));
    }

    private ActiveAuthenticator activeSms(long number, Duration age) {
        return bed.authenticators.addActive(Authenticators.pendingSms(bed.alice.id(), number, MfaTestbed.PHONE,
                bed.clock.instant().minus(age)), bed.clock.instant());
    }

    private ActiveAuthenticator activeTotp() {
        return bed.authenticators.addActive(Authenticators.pendingTotp(bed.alice.id(), 1, Authenticators.seed(1),
                bed.clock.instant()), bed.clock.instant());
    }

    @Test
    void answersAnOtpChallengeWithoutSendingAnything() {
        activeTotp();

        assertThat(challenge(bed.mfaToken(), Option.none(), Option.none()).get()).isEqualTo(new Challenge.Otp());
        assertThat(bed.sender.messages()).isEmpty();
    }

    @Test
    void prefersTotpThenTheOldestOutOfBandFactor() {
        activeSms(2, Duration.ofDays(1));
        activeTotp();

        assertThat(challenge(bed.mfaToken(), Option.of("otp oob"), Option.none()).get()).isInstanceOf(Challenge.Otp.class);
        Challenge.Oob oob = (Challenge.Oob) challenge(bed.mfaToken(), Option.of("oob"), Option.none()).get();
        assertThat(bed.challenges.findByCodeHash(SecretHash.of(oob.oobCode())).get().authenticatorId().device())
                .isEqualTo("dev_0000000000000002");
        assertThat(bed.sender.lastCodeTo(MfaTestbed.PHONE)).matches("[0-9]{6}");
    }

    @Test
    void sendsToTheAuthenticatorNamedById() {
        activeTotp();
        ActiveAuthenticator sms = activeSms(2, Duration.ZERO);

        Either<MfaError, Challenge> result = challenge(bed.mfaToken(), Option.none(), Option.of(sms.id().value()));

        assertThat(result.get()).isInstanceOf(Challenge.Oob.class);
        assertThat(bed.sender.messages()).hasSize(1);
    }

    @Test
    void refusesAnAuthenticatorIdThatIsNotOneOfTheUsersActiveOnes() {
        activeTotp();
        bed.authenticators.add(Authenticators.pendingSms(bed.alice.id(), 3, MfaTestbed.PHONE, bed.clock.instant()));
        bed.authenticators.addActive(Authenticators.pendingSms(new io.twofold.mfa.model.UserId("someone-else"), 4,
                MfaTestbed.PHONE, bed.clock.instant()), bed.clock.instant());
        String mfaToken = bed.mfaToken();
        MfaError expected = new MfaError.InvalidRequest(ChallengeSelection.UNKNOWN_AUTHENTICATOR);

        assertThat(challenge(mfaToken, Option.none(), Option.of("sms|dev_0000000000000003")).getLeft()).isEqualTo(expected);
        assertThat(challenge(mfaToken, Option.none(), Option.of("sms|dev_0000000000000004")).getLeft()).isEqualTo(expected);
        assertThat(challenge(mfaToken, Option.none(), Option.of("garbage")).getLeft()).isEqualTo(expected);
        assertThat(bed.sender.messages()).isEmpty();
    }

    @Test
    void refusesAUserWithNoActiveFactor() {
        bed.authenticators.add(Authenticators.pendingTotp(bed.alice.id(), bed.clock));

        assertThat(challenge(bed.mfaToken(), Option.none(), Option.none()).getLeft()).isEqualTo(new MfaError.NotEnrolled());
    }

    @Test
    void refusesWhenNoFactorMatchesTheChallengeTypes() {
        activeTotp();

        assertThat(challenge(bed.mfaToken(), Option.of("oob"), Option.none()).getLeft())
                .isInstanceOf(MfaError.UnsupportedChallengeType.class);
    }

    @Test
    void leavesNoChallengeWhenTheCodeCannotBeDelivered() {
        activeSms(2, Duration.ZERO);
        String mfaToken = bed.mfaToken();
        bed.sender.failNext();

        assertThat(challenge(mfaToken, Option.none(), Option.none()).getLeft()).isEqualTo(new MfaError.DeliveryFailed("sms"));
        assertThat(bed.sender.messages()).isEmpty();

        Challenge.Oob retry = (Challenge.Oob) challenge(mfaToken, Option.none(), Option.none()).get();
        assertThat(bed.verifyOob(mfaToken, retry.oobCode(), bed.sender.lastCodeTo(MfaTestbed.PHONE)).isRight()).isTrue();
    }

    @Test
    void checksTheClientAndBindsTheMfaTokenToIt() {
        activeTotp();
        String mfaToken = bed.mfaToken();
        bed.clients.registerPublic("other", MfaPolicy.ALWAYS);

        assertThat(bed.services.challenge().challenge(new ChallengeCommand(
                new ClientCredentials(new ClientId("app"), Option.none()), mfaToken, Option.none(), Option.none()))
                .getLeft()).isEqualTo(new MfaError.InvalidClient());
        assertThat(bed.services.challenge().challenge(new ChallengeCommand(
                new ClientCredentials(new ClientId("other"), Option.none()), mfaToken, Option.none(), Option.none()))
                .getLeft()).isEqualTo(new MfaError.MalformedMfaToken());
    }

    @Test
    void auditsTheChallengeWithoutTheOobCode() {
        activeSms(2, Duration.ZERO);

        Challenge.Oob oob = (Challenge.Oob) challenge(bed.mfaToken(), Option.none(), Option.none()).get();

        assertThat(bed.audit.eventsOfType("mfa.challenge")).hasSize(1);
        assertThat(bed.audit.events().mkString()).doesNotContain(oob.oobCode())
                .doesNotContain(bed.sender.lastCodeTo(MfaTestbed.PHONE));
    }
}
