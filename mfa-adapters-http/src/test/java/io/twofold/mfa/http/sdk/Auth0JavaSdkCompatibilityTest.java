package io.twofold.mfa.http.sdk;

import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.CreatedOobResponse;
import com.auth0.json.auth.CreatedOtpResponse;
import com.auth0.json.auth.MfaAuthenticator;
import com.auth0.json.auth.MfaChallengeResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.net.Response;
import io.twofold.mfa.usecase.MfaTestbed;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.twofold.mfa.http.sdk.SdkHarness.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application written against Auth0's official Java SDK (auth0-java 2.26.0, {@code AuthAPI}),
 * unchanged but for its base URL, runs the spec's walkthrough (section 12) against Twofold: every
 * request and every parsed response here is the SDK's own.
 */
class Auth0JavaSdkCompatibilityTest {

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
    void aPasswordLoginAnswersMfaRequiredAsTheSdkExpects() throws Auth0Exception {
        APIException required = twofold.loginRequiringMfa();

        assertThat(required.getStatusCode()).isEqualTo(403);
        assertThat(required.getError()).isEqualTo("mfa_required");
        assertThat(required.getDescription()).isEqualTo("Multifactor authentication required");
        // The SDK hands the member over as parsed JSON: a map of lists of {"type": ...} maps.
        assertThat(required.getValue("mfa_requirements")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("enroll").extractingByKey("enroll").asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains(Map.of("type", "otp"), Map.of("type", "phone"));
        assertThat(twofold.auth.listAuthenticators(SdkHarness.mfaTokenOf(required)).execute().getBody()).isEmpty();
    }

    @Test
    void enrollsTotpAndConfirmsItWithTheCurrentCode() throws Auth0Exception {
        String mfaToken = twofold.mfaToken();

        CreatedOtpResponse created = twofold.auth.addOtpAuthenticator(mfaToken).execute().getBody();
        assertThat(created.getAuthenticatorType()).isEqualTo("otp");
        assertThat(created.getSecret()).matches("[A-Z2-7]{32}");
        assertThat(created.getBarcodeUri()).startsWith("otpauth://totp/").contains("secret=" + created.getSecret());
        assertThat(created.getRecoveryCodes()).singleElement().asString().hasSize(24);

        APIException wrong = failure(twofold.auth.exchangeMfaOtp(mfaToken,
                twofold.world.wrongCode(created.getSecret()).toCharArray()));
        assertThat(wrong.getStatusCode()).isEqualTo(403);
        assertThat(wrong.getError()).isEqualTo("invalid_grant");
        assertThat(wrong.getDescription()).isEqualTo("Invalid otp_code.");
        assertThat(wrong.isMultifactorTokenInvalid()).isFalse();

        TokenHolder tokens = twofold.auth.exchangeMfaOtp(mfaToken, twofold.code(created.getSecret())).execute().getBody();
        assertThat(tokens.getAccessToken()).isNotBlank();
        assertThat(tokens.getIdToken()).isNotBlank();
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        assertThat(tokens.getScope()).isEqualTo("openid profile");
        assertThat(tokens.getExpiresIn()).isEqualTo(86_400);
    }

    @Test
    void aLaterLoginIsChallengedWithOtp() throws Auth0Exception {
        SdkHarness.EnrolledTotp totp = twofold.enrollTotp();
        APIException required = twofold.loginRequiringMfa();
        assertThat(required.getValue("mfa_requirements")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("challenge").extractingByKey("challenge").asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains(Map.of("type", "otp")).doesNotContain(Map.of("type", "phone"));
        String mfaToken = SdkHarness.mfaTokenOf(required);

        MfaChallengeResponse challenge = twofold.auth.mfaChallengeRequest(mfaToken, "otp", null).execute().getBody();
        assertThat(challenge.getChallengeType()).isEqualTo("otp");
        assertThat(challenge.getOobCode()).isNull();

        TokenHolder tokens = twofold.auth.exchangeMfaOtp(mfaToken, twofold.code(totp.secret())).execute().getBody();
        assertThat(tokens.getAccessToken()).isNotBlank();
    }

    @Test
    void enrollsSmsAsTheFirstFactorThenPassesAnSmsChallenge() throws Auth0Exception {
        String mfaToken = twofold.mfaToken();
        CreatedOobResponse created = twofold.auth
                .addOobAuthenticator(mfaToken, List.of("sms"), MfaTestbed.PHONE, null).execute().getBody();
        assertThat(created.getAuthenticatorType()).isEqualTo("oob");
        assertThat(created.getOobChannel()).isEqualTo("sms");
        assertThat(created.getOobCode()).isNotBlank();
        assertThat(created.getRecoveryCodes()).hasSize(1);

        APIException wrong = failure(twofold.auth.exchangeMfaOob(mfaToken, created.getOobCode().toCharArray(),
                "000000".toCharArray()));
        assertThat(wrong.getError()).isEqualTo("invalid_grant");
        assertThat(wrong.getDescription()).isEqualTo("Invalid binding_code.");
        TokenHolder confirmed = twofold.auth.exchangeMfaOob(mfaToken, created.getOobCode().toCharArray(),
                lastSmsCode()).execute().getBody();
        assertThat(confirmed.getAccessToken()).isNotBlank();

        String later = twofold.mfaToken();
        MfaAuthenticator sms = only(twofold.auth.listAuthenticators(later).execute().getBody(), "sms|dev_");
        assertThat(sms.isActive()).isTrue();
        MfaChallengeResponse challenge = twofold.auth.mfaChallengeRequest(later, "oob", sms.getId()).execute().getBody();
        assertThat(challenge.getChallengeType()).isEqualTo("oob");
        assertThat(challenge.getBindingMethod()).isEqualTo("prompt");
        TokenHolder tokens = twofold.auth.exchangeMfaOob(later, challenge.getOobCode().toCharArray(), lastSmsCode())
                .execute().getBody();
        assertThat(tokens.getAccessToken()).isNotBlank();
    }

    @Test
    void addsSmsWithAnMfaApiTokenThenListsAndDeletesIt() throws Auth0Exception {
        SdkHarness.EnrolledTotp totp = twofold.enrollTotp();
        TokenHolder mfaApi = twofold.mfaApiToken(totp);
        assertThat(mfaApi.getExpiresIn()).isEqualTo(600);
        assertThat(mfaApi.getScope()).isEqualTo(MfaTestbed.MFA_API_SCOPE.toString());
        String accessToken = mfaApi.getAccessToken();

        CreatedOobResponse created = twofold.auth
                .addOobAuthenticator(accessToken, List.of("sms"), MfaTestbed.PHONE, null).execute().getBody();
        assertThat(created.getOobChannel()).isEqualTo("sms");
        // A fresh login's mfa_token confirms a factor added with an access token (spec section 5).
        twofold.auth.exchangeMfaOob(twofold.mfaToken(), created.getOobCode().toCharArray(), lastSmsCode()).execute();

        List<MfaAuthenticator> listed = twofold.auth.listAuthenticators(accessToken).execute().getBody();
        assertThat(listed).allMatch(MfaAuthenticator::isActive);
        assertThat(only(listed, "totp|dev_").getAuthenticatorType()).isEqualTo("otp");
        assertThat(only(listed, "recovery-code|dev_").getAuthenticatorType()).isEqualTo("recovery-code");
        MfaAuthenticator sms = only(listed, "sms|dev_");
        assertThat(sms.getAuthenticatorType()).isEqualTo("oob");
        assertThat(sms.getOobChannel()).isEqualTo("sms");
        assertThat(sms.getName()).endsWith("4567").doesNotContain("555123");

        Response<Void> deleted = twofold.auth.deleteAuthenticator(accessToken, sms.getId()).execute();
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(twofold.auth.listAuthenticators(accessToken).execute().getBody())
                .extracting(MfaAuthenticator::getId).doesNotContain(sms.getId()).contains(only(listed, "totp|dev_").getId());
        APIException again = failure(twofold.auth.deleteAuthenticator(accessToken, sms.getId()));
        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(again.getError()).isEqualTo("not_found");
    }

    @Test
    void aRecoveryCodeLogsInOnceAndIsThenUsedUp() throws Auth0Exception {
        SdkHarness.EnrolledTotp totp = twofold.enrollTotp();

        TokenHolder tokens = twofold.auth.exchangeMfaRecoveryCode(twofold.mfaToken(), totp.recoveryCode().toCharArray())
                .execute().getBody();
        assertThat(tokens.getAccessToken()).isNotBlank();

        APIException reused = failure(twofold.auth.exchangeMfaRecoveryCode(twofold.mfaToken(),
                totp.recoveryCode().toCharArray()));
        assertThat(reused.getStatusCode()).isEqualTo(403);
        assertThat(reused.getError()).isEqualTo("invalid_grant");
        assertThat(reused.isMultifactorTokenInvalid()).isFalse();
    }

    private char[] lastSmsCode() {
        return twofold.world.sender.lastCodeTo(MfaTestbed.PHONE).toCharArray();
    }

    private static MfaAuthenticator only(List<MfaAuthenticator> listed, String idPrefix) {
        List<MfaAuthenticator> matching = listed.stream().filter(a -> a.getId().startsWith(idPrefix)).toList();
        assertThat(matching).as("authenticators with ids starting %s in %s", idPrefix, listed).hasSize(1);
        return matching.get(0);
    }
}
