package io.twofold.mfa.http.sdk;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.CreatedOtpResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.net.Request;
import io.micronaut.runtime.server.EmbeddedServer;
import io.twofold.mfa.http.api.TestbedPorts;
import io.twofold.mfa.usecase.MfaTestbed;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real server (domain services over in-memory fakes) on a random port, and an unmodified
 * auth0-java {@link AuthAPI} pointed at it, with the steps the SDK tests repeat. Every call to
 * the server goes through the SDK.
 */
final class SdkHarness implements AutoCloseable {

    static final String USER = "alice";

    /** What a confirmed TOTP enrollment left the user with: the seed and the one recovery code. */
    record EnrolledTotp(String secret, String recoveryCode) {
    }

    final EmbeddedServer server;
    final MfaTestbed world;
    final AuthAPI auth;

    SdkHarness() {
        server = TestbedPorts.startServer();
        world = server.getApplicationContext().getBean(MfaTestbed.class);
        auth = AuthAPI.newBuilder("http://127.0.0.1:" + server.getPort(), "app", MfaTestbed.CLIENT_SECRET).build();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A password login for the default audience that must answer {@code mfa_required}; the exception the app sees. */
    APIException loginRequiringMfa() {
        APIException e = failure(auth.login(USER, MfaTestbed.PASSWORD.toCharArray()).setScope("openid profile"));
        assertThat(e.isMultifactorRequired()).as("isMultifactorRequired for %s", e.getValue("error")).isTrue();
        return e;
    }

    /** The {@code mfa_token} of a fresh login, read the way an auth0-java app reads it. */
    String mfaToken() {
        return mfaTokenOf(loginRequiringMfa());
    }

    /** The {@code mfa_token} of a fresh login asking for the MFA API audience and its three scopes. */
    String mfaApiMfaToken() {
        APIException e = failure(auth.login(USER, MfaTestbed.PASSWORD.toCharArray())
                .setAudience(world.tokens.mfaApiAudience())
                .setScope(MfaTestbed.MFA_API_SCOPE.toString()));
        assertThat(e.isMultifactorRequired()).isTrue();
        return mfaTokenOf(e);
    }

    static String mfaTokenOf(APIException e) {
        Object token = e.getValue("mfa_token");
        assertThat(token).isInstanceOf(String.class);
        assertThat((String) token).isNotBlank();
        return (String) token;
    }

    /** Enrolls TOTP through the SDK on a fresh login and confirms it with the current code. */
    EnrolledTotp enrollTotp() throws Auth0Exception {
        String mfaToken = mfaToken();
        CreatedOtpResponse created = auth.addOtpAuthenticator(mfaToken).execute().getBody();
        TokenHolder confirmed = auth.exchangeMfaOtp(mfaToken, code(created.getSecret())).execute().getBody();
        assertThat(confirmed.getAccessToken()).isNotBlank();
        world.nextStep();
        assertThat(created.getRecoveryCodes()).hasSize(1);
        return new EnrolledTotp(created.getSecret(), created.getRecoveryCodes().get(0));
    }

    /** An MFA API access token (enroll, read and remove scopes), earned with TOTP through the SDK. */
    TokenHolder mfaApiToken(EnrolledTotp totp) throws Auth0Exception {
        TokenHolder tokens = auth.exchangeMfaOtp(mfaApiMfaToken(), code(totp.secret())).execute().getBody();
        world.nextStep();
        return tokens;
    }

    /** The code the user's authenticator app shows now. */
    char[] code(String base32Secret) {
        return world.currentCode(base32Secret).toCharArray();
    }

    /** Executes a request that must fail with an API error; that error. */
    static APIException failure(Request<?> request) {
        try {
            Object body = request.execute().getBody();
            return fail("expected an APIException, the request succeeded with " + body);
        } catch (APIException e) {
            return e;
        } catch (Auth0Exception e) {
            return fail("expected an APIException, got " + e, e);
        }
    }
}
