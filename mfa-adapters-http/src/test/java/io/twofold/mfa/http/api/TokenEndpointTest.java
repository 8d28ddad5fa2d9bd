package io.twofold.mfa.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointTest extends StubbedApiTest {

    private static final String OTP_GRANT = "http://auth0.com/oauth/grant-type/mfa-otp";
    private static final String OOB_GRANT = "http://auth0.com/oauth/grant-type/mfa-oob";
    private static final String RECOVERY_GRANT = "http://auth0.com/oauth/grant-type/mfa-recovery-code";
    private static final String REALM_GRANT = "http://auth0.com/oauth/grant-type/password-realm";

    private static String basic(String idAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(idAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwordGrantAsJsonAnswersTokensAndPassesEveryParameter() {
        WireClient.Reply reply = http.postJson("/oauth/token", WireClient.json(Map.of(
                "grant_type", "password", "username", "jane@example.com", "password", "pw",
                "client_id", "CID", "client_secret", "CSECRET", "audience", "https://api.example.com",
                "scope", "openid profile")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(
                "{\"access_token\":\"at.1\",\"token_type\":\"Bearer\",\"expires_in\":86400,\"scope\":\"openid profile\"}");
        assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        PasswordLoginCommand command = ports.last();
        assertThat(command.client()).isEqualTo(new ClientCredentials(new ClientId("CID"), Option.some("CSECRET")));
        assertThat(command.grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(command.username()).isEqualTo("jane@example.com");
        assertThat(command.password()).isEqualTo("pw");
        assertThat(command.audience()).isEqualTo(Option.some("https://api.example.com"));
        assertThat(command.scope()).isEqualTo(Scope.parse("openid profile"));
        assertThat(command.realm()).isEqualTo(Option.none());
    }

    @Test
    void passwordGrantAsFormWithCharsetIsDecoded() {
        WireClient.Reply reply = http.send("POST", "/oauth/token", "application/x-www-form-urlencoded; charset=UTF-8",
                "client_id=CID&username=jane%40example.com&password=p%26w+d&scope=openid+profile"
                        + "&client_secret=CSECRET&grant_type=password");

        assertThat(reply.status()).isEqualTo(200);
        PasswordLoginCommand command = ports.last();
        assertThat(command.username()).isEqualTo("jane@example.com");
        assertThat(command.password()).isEqualTo("p&w d");
        assertThat(command.scope()).isEqualTo(Scope.parse("openid profile"));
    }

    @Test
    void passwordRealmGrantNeedsItsRealm() {
        WireClient.Reply missing = http.postForm("/oauth/token",
                "grant_type=" + REALM_GRANT + "&username=u&password=p&client_id=CID");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo(
                "{\"error\":\"invalid_request\",\"error_description\":\"Missing required parameter: realm\"}");

        WireClient.Reply given = http.postForm("/oauth/token",
                "grant_type=" + REALM_GRANT + "&username=u&password=p&client_id=CID&realm=Username-Password-Authentication");
        assertThat(given.status()).isEqualTo(200);
        PasswordLoginCommand command = ports.last();
        assertThat(command.grantType()).isEqualTo(GrantType.PASSWORD_REALM);
        assertThat(command.realm()).isEqualTo(Option.some("Username-Password-Authentication"));
    }

    @Test
    void basicCredentialsAreUrlDecodedAfterBase64() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=u&password=p",
                "Authorization", basic("my%20client:s%3Acret+x"));

        assertThat(reply.status()).isEqualTo(200);
        PasswordLoginCommand command = ports.last();
        assertThat(command.client()).isEqualTo(new ClientCredentials(new ClientId("my client"), Option.some("s:cret x")));
    }

    @Test
    void aBearerHeaderOnTheTokenEndpointIsIgnored() {
        WireClient.Reply reply = http.postJson("/oauth/token", WireClient.json(Map.of(
                "grant_type", OTP_GRANT, "mfa_token", "MT1", "otp", "012345", "client_id", "CID")),
                "Authorization", "Bearer MT1");

        assertThat(reply.status()).isEqualTo(200);
        VerifyOtpCommand command = ports.last();
        assertThat(command.client()).isEqualTo(new ClientCredentials(new ClientId("CID"), Option.none()));
        assertThat(command.otp()).isEqualTo("012345");
    }

    @Test
    void basicAndBodyNamingDifferentClientsIsAnInvalidRequest() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=OTHER",
                "Authorization", basic("CID:CSECRET"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(ports.<Object>last()).isNull();
    }

    @Test
    void basicAndBodyNamingTheSameClientIsAccepted() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID",
                "Authorization", basic("CID:CSECRET"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ports.<PasswordLoginCommand>last().client().secret()).isEqualTo(Option.some("CSECRET"));
    }

    @Test
    void invalidClientChallengesForBasicOnlyWhenBasicWasUsed() {
        ports.login = c -> Either.left(new MfaError.InvalidClient());

        WireClient.Reply withBasic = http.postForm("/oauth/token", "grant_type=password&username=u&password=p",
                "Authorization", basic("CID:wrong"));
        WireClient.Reply inBody = http.postForm("/oauth/token",
                "grant_type=password&username=u&password=p&client_id=CID&client_secret=wrong");

        assertThat(withBasic.status()).isEqualTo(401);
        assertThat(withBasic.body()).isEqualTo(
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}");
        assertThat(withBasic.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(inBody.status()).isEqualTo(401);
        assertThat(inBody.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void malformedBasicHeaderIsAnInvalidClient() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=u&password=p",
                "Authorization", "Basic !!!not-base64");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void unknownGrantsAreUnsupported() {
        WireClient.Reply unknown = http.postForm("/oauth/token", "grant_type=client_credentials&client_id=CID");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"unsupported_grant_type\","
                + "\"error_description\":\"Unsupported grant type: client_credentials\"}");
    }

    @Test
    void missingGrantTypeOrClientIdIsAnInvalidRequest() {
        WireClient.Reply noGrant = http.postJson("/oauth/token", "{\"client_id\":\"CID\"}");
        WireClient.Reply noClient = http.postJson("/oauth/token",
                "{\"grant_type\":\"password\",\"username\":\"u\",\"password\":\"p\"}");

        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.json().get("error_description").asText()).isEqualTo("Missing required parameter: grant_type");
        assertThat(noClient.status()).isEqualTo(400);
        assertThat(noClient.json().get("error_description").asText()).isEqualTo("Missing required parameter: client_id");
    }

    @Test
    void mfaRequiredCarriesTheTokenAndOmitsAnEmptyRequirementList() {
        ports.login = c -> Either.right(new LoginOutcome.SecondFactorRequired("MT1", List.of(FactorType.OTP, FactorType.PHONE), List.empty()));

        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"error\":\"mfa_required\",\"error_description\":"
                + "\"Multifactor authentication required\",\"mfa_requirements\":{\"challenge\":"
                + "[{\"type\":\"otp\"},{\"type\":\"phone\"}]},\"mfa_token\":\"MT1\"}");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void mfaRequiredForAUserWithNothingEnrolledListsWhatToEnroll() {
        ports.login = c -> Either.right(new LoginOutcome.SecondFactorRequired("MT1", List.empty(), List.of(FactorType.OTP)));

        JsonNode body = http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID").json();

        assertThat(body.get("mfa_requirements").toString()).isEqualTo("{\"enroll\":[{\"type\":\"otp\"}]}");
    }

    @Test
    void mfaRequiredWithoutRequirementsHasNoRequirementsMember() {
        ports.login = c -> Either.right(new LoginOutcome.SecondFactorRequired("MT1", List.empty(), List.empty()));

        JsonNode body = http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID").json();

        assertThat(body.has("mfa_requirements")).isFalse();
        assertThat(body.get("mfa_token").asText()).isEqualTo("MT1");
    }

    @Test
    void oobGrantPassesTheBindingCodeOnlyWhenGiven() {
        assertThat(http.postForm("/oauth/token", "grant_type=" + OOB_GRANT
                + "&mfa_token=MT1&oob_code=OC1&binding_code=012345&client_id=CID").status()).isEqualTo(200);
        VerifyOobCommand withCode = ports.last();
        assertThat(http.postJson("/oauth/token", WireClient.json(Map.of("grant_type", OOB_GRANT,
                "mfa_token", "MT1", "oob_code", "OC1", "client_id", "CID"))).status()).isEqualTo(200);
        VerifyOobCommand withoutCode = ports.last();

        assertThat(withCode.mfaToken()).isEqualTo("MT1");
        assertThat(withCode.oobCode()).isEqualTo("OC1");
        assertThat(withCode.bindingCode()).isEqualTo(Option.some("012345"));
        assertThat(withoutCode.bindingCode()).isEqualTo(Option.none());
    }

    @Test
    void recoveryGrantAnswersTheNewRecoveryCodeAndTheIdToken() {
        ports.recovery = c -> Either.right(new io.twofold.mfa.port.in.RecoveryLogin(
                new IssuedTokens("at.2", Option.some("id.2"), 600, Scope.EMPTY, "Bearer"), "ZW4M8KQ2HTX9RB6CNLP3VDJ7"));

        WireClient.Reply reply = http.postJson("/oauth/token", WireClient.json(Map.of("grant_type", RECOVERY_GRANT,
                "mfa_token", "MT1", "recovery_code", "Q7TXK2M9WRZ4HC8LNVB3PD6F", "client_id", "CID")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"access_token\":\"at.2\",\"id_token\":\"id.2\",\"token_type\":\"Bearer\","
                + "\"expires_in\":600,\"recovery_code\":\"ZW4M8KQ2HTX9RB6CNLP3VDJ7\"}");
        assertThat(ports.<VerifyRecoveryCodeCommand>last().recoveryCode()).isEqualTo("Q7TXK2M9WRZ4HC8LNVB3PD6F");
    }

    @Test
    void aCodeSentAsAJsonNumberIsRefusedBeforeItLosesItsLeadingZero() {
        WireClient.Reply reply = http.postJson("/oauth/token",
                "{\"grant_type\":\"" + OTP_GRANT + "\",\"mfa_token\":\"MT1\",\"otp\":12345,\"client_id\":\"CID\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_request\","
                + "\"error_description\":\"Invalid parameter type: otp must be a string.\"}");
        assertThat(ports.<Object>last()).isNull();
    }

    @Test
    void aMissingCodeNamesTheParameter() {
        WireClient.Reply reply = http.postJson("/oauth/token",
                "{\"grant_type\":\"" + OTP_GRANT + "\",\"mfa_token\":\"MT1\",\"client_id\":\"CID\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error_description").asText()).isEqualTo("Missing required parameter: otp");
    }
}
