package io.twofold.mfa.http.sdk;

import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.exception.RateLimitException;
import io.twofold.mfa.usecase.MfaTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.twofold.mfa.http.sdk.SdkHarness.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Twofold's refusals reach an auth0-java 2.26.0 app: as {@code APIException}s whose helper
 * predicates ({@code isMultifactorTokenInvalid}, {@code isInvalidCredentials}) compare the exact
 * Auth0 strings, and a spent attempt budget as the SDK's {@code RateLimitException}.
 */
class Auth0JavaSdkRefusalsTest {

    private SdkHarness twofold;

    @BeforeEach
    void start() {
        twofold = new SdkHarness();
    }

    @AfterEach
    void stop() {
        twofold.close();
    }

    @Test
    void anExpiredOrForgedMfaTokenIsWhatTheSdkCallsInvalid() throws Auth0Exception {
        SdkHarness.EnrolledTotp totp = twofold.enrollTotp();
        String mfaToken = twofold.mfaToken();
        twofold.world.advance(Duration.ofMinutes(10).plusSeconds(1));

        APIException expired = failure(twofold.auth.exchangeMfaOtp(mfaToken, twofold.code(totp.secret())));
        assertThat(expired.isMultifactorTokenInvalid()).isTrue();
        assertThat(expired.getError()).isEqualTo("expired_token");
        assertThat(expired.getDescription()).isEqualTo("mfa_token is expired");
        assertThat(failure(twofold.auth.mfaChallengeRequest(mfaToken, "otp", null)).isMultifactorTokenInvalid()).isTrue();

        APIException forged = failure(twofold.auth.exchangeMfaOtp("forged-mfa-token", twofold.code(totp.secret())));
        assertThat(forged.isMultifactorTokenInvalid()).isTrue();
        assertThat(forged.getDescription()).isEqualTo("Malformed mfa_token");
    }

    @Test
    void aSpentAttemptBudgetReachesTheAppAsARateLimitExceptionAndNotAsAParseFailure() throws Auth0Exception {
        SdkHarness.EnrolledTotp totp = twofold.enrollTotp();
        String mfaToken = twofold.mfaToken();
        String wrongCode = twofold.world.wrongCode(totp.secret());
        for (int i = 0; i < 10; i++) {
            assertThat(failure(twofold.auth.exchangeMfaOtp(mfaToken, wrongCode.toCharArray())).getDescription())
                    .isEqualTo("Invalid otp_code.");
        }

        // The SDK retries a 429 itself (three times) and then throws; the right code no longer helps.
        APIException spent = failure(twofold.auth.exchangeMfaOtp(mfaToken, twofold.code(totp.secret())));
        assertThat(spent).isInstanceOf(RateLimitException.class);
        assertThat(spent.getStatusCode()).isEqualTo(429);
        assertThat(spent.getError()).isEqualTo("too_many_attempts");
        assertThat(((RateLimitException) spent).getRetryAfter()).isEqualTo(-1);
    }

    @Test
    void aWrongPasswordOrUnknownUserIsInvalidCredentials() {
        APIException wrongPassword = failure(twofold.auth.login(SdkHarness.USER, "wrong".toCharArray()));
        APIException unknownUser = failure(twofold.auth.login("nobody", MfaTestbed.PASSWORD.toCharArray()));

        for (APIException e : List.of(wrongPassword, unknownUser)) {
            assertThat(e.isInvalidCredentials()).isTrue();
            assertThat(e.isMultifactorRequired()).isFalse();
            assertThat(e.getStatusCode()).isEqualTo(403);
            assertThat(e.getDescription()).isEqualTo("Wrong email or password.");
        }
    }
}
