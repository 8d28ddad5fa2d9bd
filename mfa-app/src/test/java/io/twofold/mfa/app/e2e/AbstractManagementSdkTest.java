package io.twofold.mfa.app.e2e;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.mgmt.ManagementAPI;
import com.auth0.client.mgmt.filter.LogEventFilter;
import com.auth0.client.mgmt.filter.UserFilter;
import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.CreatedOtpResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.json.mgmt.client.Client;
import com.auth0.json.mgmt.logevents.LogEvent;
import com.auth0.json.mgmt.users.User;
import com.auth0.json.mgmt.users.UsersPage;
import com.auth0.json.mgmt.users.authenticationmethods.AuthenticationMethod;
import com.auth0.json.mgmt.users.authenticationmethods.AuthenticationMethodsPage;
import com.auth0.net.Request;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.totp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The issue's operator story, driven end to end by the unmodified auth0-java SDK ({@link AuthAPI} for
 * tokens and the MFA API, {@link ManagementAPI} for the operator API) against the real app over its socket.
 */
abstract class AbstractManagementSdkTest extends AbstractAppTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String CONNECTION = "Username-Password-Authentication";
    private static final String KNOWN_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private String base() {
        return app.uri().toString().replaceAll("/$", "");
    }

    private ManagementAPI management() throws Auth0Exception {
        OperatorClient registered = OperatorClient.register(api, managementToken("create:clients", "create:client_grants"),
                "SDK operator");
        AuthAPI operator = AuthAPI.newBuilder(base(), registered.clientId(), registered.clientSecret()).build();
        TokenHolder token = operator.requestToken(RunningApp.ISSUER + "api/v2/").execute().getBody();
        assertThat(token.getExpiresIn()).isEqualTo(86_400);
        return ManagementAPI.newBuilder(base(), token.getAccessToken()).build();
    }

    private AuthAPI app() {
        return AuthAPI.newBuilder(base(), CLIENT_ID, CLIENT_SECRET).build();
    }

    private static <T> T run(Request<T> request) throws Auth0Exception {
        return request.execute().getBody();
    }

    private static APIException refusal(Request<?> request) {
        return catchThrowableOfType(() -> request.execute(), APIException.class);
    }

    private String mfaToken(String email, String password) {
        APIException required = refusal(app().login(email, password.toCharArray()).setScope("openid"));
        assertThat(required.isMultifactorRequired()).as(required.getMessage()).isTrue();
        return (String) required.getValue("mfa_token");
    }

    @Test
    void operatorStoryThroughAuth0sJavaSdk() throws Exception {
        ManagementAPI mgmt = management();
        String email = "story-" + getClass().getSimpleName().toLowerCase() + "@example.com";
        String password = "a long story passphrase";

        // Create a user; find them by email and by q.
        User draft = new User(CONNECTION);
        draft.setEmail(email);
        draft.setPassword(password.toCharArray());
        User created = run(mgmt.users().create(draft));
        assertThat(created.getId()).matches("auth0\\|[0-9a-f]{24}");
        assertThat(created.getEmail()).isEqualTo(email);
        String userId = created.getId();
        assertThat(run(mgmt.users().listByEmail(email, null))).extracting(User::getId).containsExactly(userId);
        UsersPage found = run(mgmt.users().list(new UserFilter().withQuery("email:\"" + email + "\"")
                .withSearchEngine("v3").withTotals(true)));
        assertThat(found.getItems()).extracting(User::getId).containsExactly(userId);
        assertThat(found.getTotal()).isEqualTo(1);

        // Log in (mfa_required), enroll OTP through the MFA API and confirm it.
        String enrollToken = mfaToken(email, password);
        CreatedOtpResponse otp = run(app().addOtpAuthenticator(enrollToken));
        clock.advance(STEP);
        TokenHolder confirmed = run(app().exchangeMfaOtp(enrollToken, totp(otp.getSecret(), clock.instant()).toCharArray()));
        assertThat(confirmed.getAccessToken()).isNotBlank();

        // The operator sees the factor; deletes every method; the next login must enroll again.
        AuthenticationMethodsPage methods = run(mgmt.users().getAuthenticationMethods(userId, null));
        assertThat(methods.getItems()).extracting(AuthenticationMethod::getType).contains("totp");
        run(mgmt.users().deleteAllAuthenticationMethods(userId));
        assertThat(run(mgmt.users().getAuthenticationMethods(userId, null)).getItems()).isEmpty();
        String againToken = mfaToken(email, password);
        CreatedOtpResponse again = run(app().addOtpAuthenticator(againToken));
        clock.advance(STEP);
        assertThat(run(app().exchangeMfaOtp(againToken, totp(again.getSecret(), clock.instant()).toCharArray()))
                .getAccessToken()).isNotBlank();

        // A TOTP factor with a known secret, added by the operator: active at once, a code from it logs in.
        run(mgmt.users().deleteAllAuthenticationMethods(userId));
        AuthenticationMethod known = new AuthenticationMethod();
        known.setType("totp");
        known.setName("Imported");
        known.setTotpSecret(KNOWN_SECRET);
        AuthenticationMethod added = run(mgmt.users().createAuthenticationMethods(userId, known));
        assertThat(added.getId()).startsWith("totp|dev_");
        assertThat(added.getTotpSecret()).isNull();
        clock.advance(STEP);
        TokenHolder withKnown = run(app().exchangeMfaOtp(mfaToken(email, password),
                totp(KNOWN_SECRET, clock.instant()).toCharArray()));
        assertThat(withKnown.getAccessToken()).isNotBlank();

        // Block the user: the password login is refused with Auth0's words.
        User block = new User();
        block.setBlocked(true);
        assertThat(run(mgmt.users().update(userId, block)).isBlocked()).isTrue();
        APIException blocked = refusal(app().login(email, password.toCharArray()));
        assertThat(blocked.getError()).isEqualTo("unauthorized");
        assertThat(blocked.getDescription()).isEqualTo("user is blocked");

        // Rotate the app's secret: the old one is refused at once, the new one works.
        Client rotated = run(mgmt.clients().rotateSecret(CLIENT_ID));
        assertThat(rotated.getClientSecret()).isNotBlank().isNotEqualTo(CLIENT_SECRET);
        APIException oldSecret = refusal(app().login(E2eFixture.SAM, E2eFixture.SAM_PASSWORD.toCharArray()));
        assertThat(oldSecret.getStatusCode()).isEqualTo(401);
        assertThat(oldSecret.getError()).isEqualTo("invalid_client");
        APIException newSecret = refusal(AuthAPI.newBuilder(base(), CLIENT_ID, rotated.getClientSecret()).build()
                .login(E2eFixture.SAM, E2eFixture.SAM_PASSWORD.toCharArray()));
        assertThat(newSecret.isMultifactorRequired()).isTrue();

        // The log tells the story, gd_* events included, with the user on them.
        List<LogEvent> events = run(mgmt.users().getLogEvents(userId, new LogEventFilter().withPage(0, 100))).getItems();
        assertThat(events.stream().map(LogEvent::getType).collect(Collectors.toSet()))
                .contains("gd_start_enroll", "gd_enrollment_complete", "gd_auth_succeed", "gd_unenroll");
        assertThat(events).allSatisfy(event -> assertThat(event.getUserId()).isEqualTo(userId));
        List<LogEvent> enrollments = run(mgmt.logEvents().list(new LogEventFilter()
                .withQuery("type:gd_enrollment_complete AND user_id:\"" + userId + "\""))).getItems();
        assertThat(enrollments).hasSizeGreaterThanOrEqualTo(2);
    }
}
