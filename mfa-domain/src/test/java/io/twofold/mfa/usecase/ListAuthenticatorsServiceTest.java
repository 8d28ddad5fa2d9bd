package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ListAuthenticatorsServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    @Test
    void listsActiveAndPendingFactorsWithMaskedNames() {
        String accessToken = bed.mfaApiAccessToken(bed.enrolledTotp());
        bed.associateSms(accessToken, MfaTestbed.PHONE).get();

        List<AuthenticatorView> listed = bed.services.listAuthenticators().list(accessToken).get();

        assertThat(listed.map(AuthenticatorView::authenticatorType)).containsExactly("otp", "recovery-code", "oob");
        assertThat(listed.map(AuthenticatorView::active)).containsExactly(true, true, false);
        assertThat(listed.last().oobChannel()).contains(OobChannel.SMS);
        assertThat(listed.last().name()).contains("XXXXXXX4567");
        assertThat(listed.head().name()).isEmpty();
    }

    @Test
    void leavesOutExpiredPendingFactors() {
        bed.associateOtp(bed.mfaToken()).get();
        bed.advance(Duration.ofHours(24));

        assertThat(bed.services.listAuthenticators().list(bed.mfaToken()).get()).isEmpty();
    }

    @Test
    void refusesAnAccessTokenWithoutReadScope() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = MfaTestbed.mfaRequired(bed.passwordLogin(Option.some(bed.tokens.mfaApiAudience()),
                Scope.parse("enroll"))).mfaToken();
        String accessToken = bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get().accessToken();

        assertThat(bed.services.listAuthenticators().list(accessToken).getLeft())
                .isEqualTo(new MfaError.InsufficientScope("read:authenticators"));
    }

    @Test
    void refusesAUsedUpOrUnknownMfaToken() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();
        bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get();

        assertThat(bed.services.listAuthenticators().list(mfaToken).getLeft()).isInstanceOf(MfaError.InvalidToken.class);
        assertThat(bed.services.listAuthenticators().list("nope").getLeft()).isInstanceOf(MfaError.InvalidToken.class);
        assertThat(bed.services.listAuthenticators().list("").getLeft()).isInstanceOf(MfaError.InvalidToken.class);
    }

    @Test
    void refusesAnAccessTokenForAnotherAudience() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();
        String apiToken = bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get().accessToken();

        assertThat(bed.services.listAuthenticators().list(apiToken).getLeft()).isInstanceOf(MfaError.InvalidToken.class);
    }
}
