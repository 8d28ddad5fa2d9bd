package io.twofold.mfa.http.api;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.error.MfaError.TooManySends.Limit;
import io.vavr.control.Either;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every {@link MfaError} record, answered through the real server: status, error and exact description. */
class ErrorMappingTest extends StubbedApiTest {

    static Stream<Arguments> outcomes() {
        return Stream.of(
                arguments(new MfaError.InvalidRequest("Missing required parameter: otp"), 400, "invalid_request",
                        "Missing required parameter: otp"),
                arguments(new MfaError.InvalidClient(), 401, "invalid_client", "Client authentication failed."),
                arguments(new MfaError.UnknownAudience("https://api.example.com/"), 403, "access_denied",
                        "Service not found: https://api.example.com/"),
                arguments(new MfaError.MissingAudience(), 403, "access_denied",
                        "No audience parameter was provided, and no default audience has been configured"),
                arguments(new MfaError.NoClientGrant("https://t.example/api/v2/"), 403, "access_denied",
                        "Client is not authorized to access \"https://t.example/api/v2/\". You need to create a"
                                + " \"client-grant\" associated to this API."),
                arguments(new MfaError.AudienceNotForUsers("https://t.example/api/v2/"), 403, "access_denied",
                        "The API \"https://t.example/api/v2/\" issues tokens to machines only (client_credentials"
                                + " with a client grant), not to user logins."),
                arguments(new MfaError.UnauthorizedClient("http://auth0.com/oauth/grant-type/mfa-otp"), 403,
                        "unauthorized_client",
                        "Grant type `http://auth0.com/oauth/grant-type/mfa-otp` not allowed for the client."),
                arguments(new MfaError.WrongCredentials(), 403, "invalid_grant", "Wrong email or password."),
                arguments(new MfaError.UserBlocked(), 401, "unauthorized", "user is blocked"),
                arguments(new MfaError.MalformedMfaToken(), 403, "invalid_grant", "Malformed mfa_token"),
                arguments(new MfaError.ExpiredMfaToken(), 401, "expired_token", "mfa_token is expired"),
                arguments(new MfaError.InvalidOtp(), 403, "invalid_grant", "Invalid otp_code."),
                arguments(new MfaError.InvalidBindingCode(), 403, "invalid_grant", "Invalid binding_code."),
                arguments(new MfaError.MalformedOobCode(), 403, "invalid_grant", "Malformed oob_code"),
                arguments(new MfaError.ExpiredOobCode(), 401, "expired_token", "oob_code is expired"),
                arguments(new MfaError.InvalidRecoveryCode(), 403, "invalid_grant", "Invalid recovery_code."),
                arguments(new MfaError.InvalidRefreshToken(), 403, "invalid_grant", "Unknown or invalid refresh token."),
                arguments(new MfaError.UserBlockedOnRefresh(), 403, "invalid_grant", "user is blocked"),
                arguments(new MfaError.InvalidScope(), 400, "invalid_scope",
                        "The requested scope is invalid, unknown, or exceeds the scope granted by the resource owner."),
                arguments(new MfaError.NotEnrolled(), 403, "unsupported_challenge_type",
                        "User is not enrolled. You can use /mfa/associate endpoint to enroll the first authenticator."),
                arguments(new MfaError.NoRecoveryCode(), 403, "unsupported_challenge_type",
                        "User does not have a recovery-code."),
                arguments(new MfaError.UnsupportedChallengeType("No authenticator supports the challenge types"), 400,
                        "unsupported_challenge_type", "No authenticator supports the challenge types"),
                arguments(new MfaError.AlreadyEnrolled(), 403, "access_denied", "User is already enrolled."),
                arguments(new MfaError.TooManyEnrollments(), 403, "access_denied",
                        "User has created the maximum amount of authenticators"),
                arguments(new MfaError.TooManyAttempts(), 429, "too_many_attempts",
                        "Too many failed codes. Wait for some minutes before retrying."),
                arguments(new MfaError.TooManyLoginAttempts(), 429, "too_many_attempts",
                        "Your account has been blocked after multiple consecutive login attempts."),
                arguments(new MfaError.TooManySends(Limit.USER), 429, "too_many_attempts",
                        "Too many codes were sent to this user. Wait before asking for another one."),
                arguments(new MfaError.TooManySends(Limit.DESTINATION), 429, "too_many_attempts",
                        "Too many codes were sent to this phone number or email address. Wait before asking for another one."),
                arguments(new MfaError.TooManySends(Limit.END_USER_IP), 429, "too_many_attempts",
                        "Too many codes were asked for from this IP address. Wait before asking for another one."),
                arguments(new MfaError.TooManySends(Limit.GLOBAL), 429, "too_many_attempts",
                        "Too many codes are being sent right now. Wait a minute before asking for another one."),
                arguments(new MfaError.InvalidToken("The access token is expired."), 401, "invalid_token",
                        "The access token is expired."),
                arguments(new MfaError.InsufficientScope("read:authenticators"), 403, "insufficient_scope",
                        "Insufficient scope, expected: read:authenticators"),
                arguments(new MfaError.AuthenticatorNotFound(), 404, "not_found", "Authenticator not found"),
                arguments(new MfaError.CannotDelete("A recovery code cannot be deleted."), 403, "access_denied",
                        "A recovery code cannot be deleted."),
                arguments(new MfaError.DeliveryFailed("sms"), 502, "bad_gateway",
                        "The sms message could not be delivered."));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void eachOutcomeHasItsStatusCodeAndExactDescription(MfaError error, int status, String code, String description) {
        ports.login = c -> Either.left(error);

        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body()).isEqualTo(
                "{\"error\":" + WireClient.json(code) + ",\"error_description\":" + WireClient.json(description) + "}");
        assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(reply.header("retry-after")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void bearerErrorsCarryTheirChallengeOnTheMfaApi(MfaError error, int status, String code, String description) {
        ports.list = bearer -> Either.left(error);

        WireClient.Reply reply = http.send("GET", "/mfa/authenticators", null, null, "Authorization", "Bearer AT");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(code);
        if (code.equals("invalid_token")) {
            assertThat(reply.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        } else if (code.equals("insufficient_scope")) {
            assertThat(reply.header("WWW-Authenticate"))
                    .contains("Bearer error=\"insufficient_scope\", scope=\"read:authenticators\"");
        } else {
            assertThat(reply.header("WWW-Authenticate")).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void everyOutcomeRecordIsCovered() {
        Set<Class<?>> covered = outcomes().map(a -> a.get()[0].getClass()).collect(Collectors.toSet());
        Set<Class<?>> all = Arrays.stream(MfaError.class.getPermittedSubclasses()).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }
}
