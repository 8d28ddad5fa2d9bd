package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyOobServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private String bindingCode() {
        return bed.sender.lastCodeTo(MfaTestbed.PHONE);
    }

    private String otherBindingCode() {
        String right = bindingCode();
        return right.equals("000000") ? "111111" : "000000";
    }

    @Test
    void confirmsAnSmsEnrollmentWithTheBindingCode() {
        String mfaToken = bed.mfaToken();
        Association.Oob sms = (Association.Oob) bed.associateSms(mfaToken, MfaTestbed.PHONE).get();

        assertThat(bed.verifyOob(mfaToken, sms.oobCode(), bindingCode()).isRight()).isTrue();

        List<AuthenticatorView> listed = bed.services.listAuthenticators().list(bed.mfaToken()).get();
        assertThat(listed.map(AuthenticatorView::active)).containsExactly(true, true);
        assertThat(listed.head().name()).contains("XXXXXXX4567");
    }

    @Test
    void refusesAWrongBindingCodeAndCountsItEverywhere() {
        String mfaToken = bed.mfaToken();
        Association.Oob sms = (Association.Oob) bed.associateSms(mfaToken, MfaTestbed.PHONE).get();

        assertThat(bed.verifyOob(mfaToken, sms.oobCode(), otherBindingCode()).getLeft())
                .isEqualTo(new MfaError.InvalidBindingCode());

        assertThat(bed.challenges.findByCodeHash(SecretHash.of(sms.oobCode())).get().failedAttempts())
                .isEqualTo(1);
        assertThat(bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get().failedAttempts())
                .isEqualTo(1);
    }

    @Test
    void requiresABindingCode() {
        String mfaToken = bed.mfaToken();
        Association.Oob sms = (Association.Oob) bed.associateSms(mfaToken, MfaTestbed.PHONE).get();

        assertThat(bed.services.verifyOob().verify(new VerifyOobCommand(bed.app, mfaToken, sms.oobCode(), Option.none()))
                .getLeft()).isEqualTo(new MfaError.InvalidRequest("binding_code is required"));
    }

    @Test
    void refusesUnknownOobCodes() {
        String mfaToken = bed.mfaToken();
        bed.associateSms(mfaToken, MfaTestbed.PHONE).get();

        assertThat(bed.verifyOob(mfaToken, "not-an-oob-code", bindingCode()).getLeft())
                .isEqualTo(new MfaError.MalformedOobCode());
    }

    @Test
    void refusesAnotherUsersOobCode() {
        User bob = bed.users.add("user-bob", "bob", "bobs password");
        String aliceToken = bed.mfaToken();
        Association.Oob alices = (Association.Oob) bed.associateSms(aliceToken, MfaTestbed.PHONE).get();
        String aliceCode = bindingCode();
        String bobToken = MfaTestbed.mfaRequired(bed.services.passwordLogin().login(new PasswordLoginCommand(
                bed.app, GrantType.PASSWORD, Option.none(), "bob", "bobs password", Option.none(),
                Scope.EMPTY, Option.some(MfaTestbed.CLIENT_IP), Option.none()))).mfaToken();

        assertThat(bed.verifyOob(bobToken, alices.oobCode(), aliceCode).getLeft()).isEqualTo(new MfaError.MalformedOobCode());
        assertThat(bed.authenticators.findByUser(bob.id()).isEmpty()).isTrue();
    }

    @Test
    void refusesAnExpiredOobCode() {
        String mfaToken = bed.mfaToken();
        Association.Oob sms = (Association.Oob) bed.associateSms(mfaToken, MfaTestbed.PHONE).get();
        bed.advance(Duration.ofMinutes(5));

        assertThat(bed.verifyOob(mfaToken, sms.oobCode(), bindingCode()).getLeft()).isEqualTo(new MfaError.ExpiredOobCode());
    }

    @Test
    void refusesTheRightCodeOnceTheChallengeHadTooManyWrongOnes() {
        String mfaToken = bed.mfaToken();
        Association.Oob sms = (Association.Oob) bed.associateSms(mfaToken, MfaTestbed.PHONE).get();
        String right = bindingCode();
        for (int i = 0; i < 5; i++) {
            assertThat(bed.verifyOob(mfaToken, sms.oobCode(), otherBindingCode()).getLeft())
                    .isEqualTo(new MfaError.InvalidBindingCode());
        }

        assertThat(bed.verifyOob(mfaToken, sms.oobCode(), right).getLeft()).isEqualTo(new MfaError.TooManyAttempts());
    }

    @Test
    void refusesACodeForAnAuthenticatorDeletedSinceItWasSent() {
        String mfaToken = bed.mfaToken();
        Association.Oob sms = (Association.Oob) bed.associateSms(mfaToken, MfaTestbed.PHONE).get();
        bed.authenticators.remove(new UserId("user-alice"), List.of(sms.authenticatorId()));

        assertThat(bed.verifyOob(mfaToken, sms.oobCode(), bindingCode()).getLeft()).isEqualTo(new MfaError.MalformedOobCode());
    }
}
