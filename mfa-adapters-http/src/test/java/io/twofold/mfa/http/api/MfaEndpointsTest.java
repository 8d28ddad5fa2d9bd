package io.twofold.mfa.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MfaEndpointsTest extends StubbedApiTest {

    private static final AuthenticatorId TOTP = new AuthenticatorId(AuthenticatorKind.TOTP, "dev_Hy7uB1nQw4ErT9oP");
    private static final AuthenticatorId SMS = new AuthenticatorId(AuthenticatorKind.SMS, "dev_a8Kq2LmZp0XcV7tR");
    private static final AuthenticatorId RECOVERY =
            new AuthenticatorId(AuthenticatorKind.RECOVERY_CODE, "dev_Zr4nW9bQe1HsT6yU");

    @Test
    void associateOtpAnswersTheSecretAndTheRecoveryCodeAsAOneElementArray() {
        ports.associate = c -> Either.right(new Association.Otp(TOTP, "JBSWY3DP", "otpauth://totp/x", Option.some("RC1")));

        WireClient.Reply reply = http.postJson("/mfa/associate",
                "{\"authenticator_types\":[\"otp\"],\"client_id\":\"CID\",\"client_secret\":\"CSECRET\"}",
                "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":\"totp|dev_Hy7uB1nQw4ErT9oP\",\"authenticator_type\":\"otp\","
                + "\"secret\":\"JBSWY3DP\",\"barcode_uri\":\"otpauth://totp/x\",\"recovery_codes\":[\"RC1\"]}");
        AssociateCommand command = ports.last();
        assertThat(command.bearer()).isEqualTo("MT1");
        assertThat(command.client()).isEqualTo(Option.some(
                new ClientCredentials(new ClientId("CID"), Option.some("CSECRET"))));
        assertThat(command.choice()).isEqualTo(new EnrollmentChoice.Otp());
    }

    @Test
    void associateOobAcceptsSingleStringsAndAnswersTheSingularChannel() {
        ports.associate = c -> Either.right(new Association.Oob(SMS, OobChannel.SMS, "OC1", Option.none()));

        WireClient.Reply reply = http.postJson("/mfa/associate",
                "{\"authenticator_types\":\"oob\",\"oob_channels\":\"sms\",\"phone_number\":\"+15551234567\"}",
                "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":\"sms|dev_a8Kq2LmZp0XcV7tR\",\"authenticator_type\":\"oob\","
                + "\"oob_channel\":\"sms\",\"oob_code\":\"OC1\",\"binding_method\":\"prompt\"}");
        AssociateCommand command = ports.last();
        assertThat(command.client()).isEqualTo(Option.none());
        assertThat(command.choice()).isEqualTo(new EnrollmentChoice.Oob(OobChannel.SMS, Option.some("+15551234567")));
    }

    @Test
    void associateAcceptsAFormBody() {
        ports.associate = c -> Either.right(new Association.Oob(SMS, OobChannel.EMAIL, "OC1", Option.none()));

        WireClient.Reply reply = http.postForm("/mfa/associate",
                "authenticator_types=oob&oob_channels=email&email=jane%40example.com", "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ports.<AssociateCommand>last().choice())
                .isEqualTo(new EnrollmentChoice.Oob(OobChannel.EMAIL, Option.some("jane@example.com")));
    }

    @Test
    void associateWithoutABearerIsUnauthorized() {
        WireClient.Reply reply = http.postJson("/mfa/associate", "{\"authenticator_types\":[\"otp\"]}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
        assertThat(ports.<Object>last()).isNull();
    }

    @Test
    void associateWithoutTypesNamesTheMissingParameter() {
        WireClient.Reply reply = http.postJson("/mfa/associate", "{}", "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error_description").asText())
                .isEqualTo("Missing required parameter: authenticator_types");
    }

    @Test
    void associateRefusesANonStringType() {
        WireClient.Reply reply = http.postJson("/mfa/associate", "{\"authenticator_types\":[1]}",
                "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void challengeOtpAnswersTheTypeOnly() {
        WireClient.Reply reply = http.postJson("/mfa/challenge", "{\"client_id\":\"CID\",\"client_secret\":\"CSECRET\","
                + "\"mfa_token\":\"MT3\",\"challenge_type\":\"otp oob\",\"oob_channel\":\"sms\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"challenge_type\":\"otp\"}");
        ChallengeCommand command = ports.last();
        assertThat(command.mfaToken()).isEqualTo("MT3");
        assertThat(command.challengeTypes()).isEqualTo(Option.some("otp oob"));
        assertThat(command.authenticatorId()).isEqualTo(Option.none());
        assertThat(command.client()).isEqualTo(new ClientCredentials(new ClientId("CID"), Option.some("CSECRET")));
    }

    @Test
    void challengeOobAnswersTheCodeAndPromptAndAcceptsAForm() {
        ports.challenge = c -> Either.right(new Challenge.Oob("OC4"));

        WireClient.Reply reply = http.postForm("/mfa/challenge",
                "client_id=CID&mfa_token=MS4&challenge_type=oob&authenticator_id=sms%7Cdev_a8Kq2LmZp0XcV7tR");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"challenge_type\":\"oob\",\"oob_code\":\"OC4\",\"binding_method\":\"prompt\"}");
        assertThat(ports.<ChallengeCommand>last().authenticatorId()).isEqualTo(Option.some("sms|dev_a8Kq2LmZp0XcV7tR"));
    }

    @Test
    void challengeNeedsTheMfaTokenAndTheClient() {
        WireClient.Reply noToken = http.postJson("/mfa/challenge", "{\"client_id\":\"CID\"}");
        WireClient.Reply noClient = http.postJson("/mfa/challenge", "{\"mfa_token\":\"MT\"}");

        assertThat(noToken.json().get("error_description").asText()).isEqualTo("Missing required parameter: mfa_token");
        assertThat(noClient.json().get("error_description").asText()).isEqualTo("Missing required parameter: client_id");
        assertThat(noClient.status()).isEqualTo(400);
    }

    @Test
    void listIsATopLevelArrayWithActiveAlwaysPresentAndTheAuth0AuthJsMembers() {
        ports.list = bearer -> Either.right(List.of(
                new AuthenticatorView(SMS, "oob", false, Option.some(OobChannel.SMS), Option.some("XXXXXXXXX4567")),
                new AuthenticatorView(RECOVERY, "recovery-code", true, Option.none(), Option.none()),
                new AuthenticatorView(TOTP, "otp", true, Option.none(), Option.none())));

        WireClient.Reply reply = http.send("GET", "/mfa/authenticators", "application/x-www-form-urlencoded", null,
                "Authorization", "Bearer AT_MFA");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("["
                + "{\"id\":\"sms|dev_a8Kq2LmZp0XcV7tR\",\"authenticator_type\":\"oob\",\"active\":false,"
                + "\"oob_channel\":\"sms\",\"oob_channels\":[\"sms\"],\"name\":\"XXXXXXXXX4567\",\"type\":\"phone\"},"
                + "{\"id\":\"recovery-code|dev_Zr4nW9bQe1HsT6yU\",\"authenticator_type\":\"recovery-code\","
                + "\"active\":true,\"type\":\"recovery-code\"},"
                + "{\"id\":\"totp|dev_Hy7uB1nQw4ErT9oP\",\"authenticator_type\":\"otp\",\"active\":true,\"type\":\"otp\"}]");
        assertThat(ports.<String>last()).isEqualTo("AT_MFA");
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        WireClient.Reply reply = http.send("GET", "/mfa/authenticators", "application/json", null,
                "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("[]");
    }

    @Test
    void listWithoutABearerIsUnauthorized() {
        WireClient.Reply reply = http.send("GET", "/mfa/authenticators", null, null, "Authorization", "Basic Q0lEOng=");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void deleteDecodesThePercentEncodedIdAndAnswersAnEmpty204() {
        WireClient.Reply reply = http.send("DELETE", "/mfa/authenticators/voice%7Cdev_7PzQm3VtR1uLk9Wc",
                "application/json", null, "Authorization", "Bearer AT_MFA");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(ports.<String>last()).isEqualTo("voice|dev_7PzQm3VtR1uLk9Wc");
    }

    @Test
    void deleteAcceptsARawBar() {
        String response = http.raw("DELETE /mfa/authenticators/sms|dev_7PzQm3VtR1uLk9Wc HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer AT_MFA\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 204");
        assertThat(ports.<String>last()).isEqualTo("sms|dev_7PzQm3VtR1uLk9Wc");
    }

    @Test
    void deleteOfAnUnknownIdIsNotFound() {
        ports.delete = (bearer, id) -> Either.left(new io.twofold.mfa.error.MfaError.AuthenticatorNotFound());

        WireClient.Reply reply = http.send("DELETE", "/mfa/authenticators/totp%7Cdev_nope", null, null,
                "Authorization", "Bearer AT_MFA");

        assertThat(reply.status()).isEqualTo(404);
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo("not_found");
        assertThat(body.has("errorCode")).isFalse();
    }
}
