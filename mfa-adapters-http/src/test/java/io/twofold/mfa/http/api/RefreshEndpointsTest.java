package io.twofold.mfa.http.api;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.RenewTokensCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code refresh_token} grant and {@code /oauth/revoke} on the wire, over scripted ports. */
class RefreshEndpointsTest extends StubbedApiTest {

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonRefreshAnswersTheNewTokensWithTheNextRefreshToken() {
        WireClient.Reply reply = http.postJson("/oauth/token",
                "{\"grant_type\":\"refresh_token\",\"client_id\":\"CID\",\"client_secret\":\"S\",\"refresh_token\":\"RT.1\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).isEqualTo("at.1");
        assertThat(reply.json().get("refresh_token").asText()).isEqualTo("RT.2");
        RenewTokensCommand command = ports.last();
        assertThat(command).isEqualTo(new RenewTokensCommand(
                new ClientCredentials(new ClientId("CID"), Option.some("S")), "RT.1", Option.none()));
        assertThat(command.toString()).doesNotContain("RT.1");
    }

    @Test
    void aFormRefreshWithBasicAndANarrowerScope() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=refresh_token&refresh_token=RT.1&scope=openid",
                "Authorization", basic("CID", "S"));

        assertThat(reply.status()).isEqualTo(200);
        RenewTokensCommand command = ports.last();
        assertThat(command.client()).isEqualTo(new ClientCredentials(new ClientId("CID"), Option.some("S")));
        assertThat(command.scope()).containsExactly(Scope.parse("openid"));
    }

    @Test
    void aRefreshWithoutTheTokenIsAnInvalidRequest() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=refresh_token&client_id=CID");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void anInvalidRefreshTokenIsAuth0sExactAnswer() {
        ports.refresh = c -> Either.left(new MfaError.InvalidRefreshToken());

        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=refresh_token&client_id=CID&refresh_token=x");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo(
                "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}");
    }

    @Test
    void revocationAnswers200WithAnEmptyBody() {
        WireClient.Reply json = http.postJson("/oauth/revoke", "{\"client_id\":\"CID\",\"client_secret\":\"S\",\"token\":\"RT\"}");
        ports.revoke = (c, t) -> Either.right(false);
        WireClient.Reply form = http.postForm("/oauth/revoke", "token=RT", "Authorization", basic("CID", "S"));

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).isEmpty();
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).isEmpty();
        assertThat((ClientCredentials) ports.last()).isEqualTo(new ClientCredentials(new ClientId("CID"), Option.some("S")));
    }

    @Test
    void revocationRefusesBadClientsAndMissingTokens() {
        WireClient.Reply missing = http.postForm("/oauth/revoke", "client_id=CID");
        ports.revoke = (c, t) -> Either.left(new MfaError.InvalidClient());
        WireClient.Reply badClient = http.postForm("/oauth/revoke", "token=RT", "Authorization", basic("CID", "wrong"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(badClient.status()).isEqualTo(401);
        assertThat(badClient.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(badClient.header("WWW-Authenticate")).isPresent();
    }
}
