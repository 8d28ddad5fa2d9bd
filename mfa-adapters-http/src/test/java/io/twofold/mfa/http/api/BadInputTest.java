package io.twofold.mfa.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Whatever a client sends, the answer is an OAuth-style JSON error: never a 500, a stack trace or a framework body. */
class BadInputTest extends StubbedApiTest {

    private static final String TOKEN = "/oauth/token";
    private static final String[] NO_HEADERS = {};
    private static final String[] BEARER = {"Authorization", "Bearer MT1"};

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("malformed JSON", "POST", TOKEN, WireClient.JSON, "{\"grant_type\":", NO_HEADERS, 400,
                        "The request body is not valid JSON."),
                arguments("JSON array", "POST", TOKEN, WireClient.JSON, "[\"password\"]", NO_HEADERS, 400,
                        "The request body must be a JSON object."),
                arguments("JSON string", "POST", TOKEN, WireClient.JSON, "\"password\"", NO_HEADERS, 400,
                        "The request body must be a JSON object."),
                arguments("JSON with trailing garbage", "POST", TOKEN, WireClient.JSON, "{} {}", NO_HEADERS, 400,
                        "The request body is not valid JSON."),
                arguments("duplicate JSON member", "POST", TOKEN, WireClient.JSON,
                        "{\"grant_type\":\"password\",\"grant_type\":\"x\"}", NO_HEADERS, 400,
                        "The request body is not valid JSON."),
                arguments("deeply nested JSON", "POST", TOKEN, WireClient.JSON,
                        "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", NO_HEADERS, 400,
                        "The request body is not valid JSON."),
                arguments("text/plain", "POST", TOKEN, "text/plain", "grant_type=password", NO_HEADERS, 400,
                        "Unsupported Content-Type: send application/json or application/x-www-form-urlencoded."),
                arguments("unparseable content type, read as if absent", "POST", TOKEN, "not a media type",
                        "grant_type=password", NO_HEADERS, 400, "Missing required parameter: client_id"),
                arguments("JSON with charset and suffix", "POST", TOKEN, "application/vnd.x+json; charset=utf-8",
                        "{\"client_id\":\"C\"}", NO_HEADERS, 400, "Missing required parameter: grant_type"),
                arguments("oversized header", "GET", "/mfa/authenticators", null, null,
                        new String[] {"Authorization", "Bearer " + "t".repeat(20_000)}, 413,
                        "The request is too large."),
                arguments("empty JSON body", "POST", TOKEN, WireClient.JSON, "", NO_HEADERS, 400,
                        "Missing required parameter: grant_type"),
                arguments("no body, no content type", "POST", TOKEN, null, null, NO_HEADERS, 400,
                        "Missing required parameter: grant_type"),
                arguments("JSON null grant", "POST", TOKEN, WireClient.JSON, "{\"grant_type\":null}", NO_HEADERS, 400,
                        "Missing required parameter: grant_type"),
                arguments("grant as object", "POST", TOKEN, WireClient.JSON, "{\"grant_type\":{}}", NO_HEADERS, 400,
                        "Invalid parameter type: grant_type must be a string."),
                arguments("repeated form parameter", "POST", TOKEN, WireClient.FORM,
                        "grant_type=password&grant_type=password", NO_HEADERS, 400,
                        "Parameter grant_type was given more than once."),
                arguments("bad percent escape", "POST", TOKEN, WireClient.FORM, "grant_type=%zz", NO_HEADERS, 400,
                        "The form body is not valid URL encoding."),
                arguments("blank client id", "POST", TOKEN, WireClient.FORM,
                        "grant_type=password&username=u&password=p&client_id=%20", NO_HEADERS, 400,
                        "Missing required parameter: client_id"),
                arguments("client assertion without its type", "POST", TOKEN, WireClient.FORM,
                        "grant_type=password&username=u&password=p&client_id=C&client_assertion=eyJ", NO_HEADERS, 400,
                        "Missing required parameter: client_assertion_type"),
                arguments("client assertion of another type", "POST", TOKEN, WireClient.FORM,
                        "grant_type=password&username=u&password=p&client_id=C&client_assertion=eyJ"
                                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Asaml2-bearer",
                        NO_HEADERS, 400,
                        "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                arguments("client assertion and secret", "POST", TOKEN, WireClient.FORM,
                        "grant_type=password&username=u&password=p&client_id=C&client_assertion=eyJ&client_secret=s"
                                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer",
                        NO_HEADERS, 400,
                        "Use only one client authentication method: client_assertion or client_secret, not both."),
                arguments("malformed JSON on associate", "POST", "/mfa/associate", WireClient.JSON, "{", BEARER, 400,
                        "The request body is not valid JSON."),
                arguments("number as challenge token", "POST", "/mfa/challenge", WireClient.JSON,
                        "{\"mfa_token\":7,\"client_id\":\"C\"}", NO_HEADERS, 400,
                        "Invalid parameter type: mfa_token must be a string."),
                arguments("unknown route", "GET", "/nope", null, null, NO_HEADERS, 404,
                        "The requested resource was not found."),
                arguments("unknown route asking for HTML", "GET", "/oauth", null, null,
                        new String[] {"Accept", "text/html"}, 404, "The requested resource was not found."),
                arguments("wrong method on token", "GET", TOKEN, null, null, NO_HEADERS, 405,
                        "The method is not allowed for this resource."),
                arguments("wrong method on list", "POST", "/mfa/authenticators", WireClient.JSON, "{}", BEARER, 405,
                        "The method is not allowed for this resource."),
                arguments("oversized body", "POST", TOKEN, WireClient.FORM, "a=" + "x".repeat(70_000), NO_HEADERS, 413,
                        "The request is too large."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isAnsweredWithAnOAuthError(String name, String method, String path, String contentType, String body,
                                    String[] headers, int status, String description) {
        WireClient.Reply reply = http.send(method, path, contentType, body, headers);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode json = reply.json();
        assertThat(json.get("error_description").asText()).isEqualTo(description);
        assertThat(json.get("error").asText()).isNotBlank();
        assertNothingLeaks(reply.body());
        assertThat(ports.<Object>last()).isNull();
    }

    @Test
    void anUnexpectedExceptionIsAFixed500WithoutItsMessage() {
        ports.login = c -> {
            throw new IllegalStateException("database password is hunter2");
        };

        WireClient.Reply reply = http.postForm(TOKEN, "grant_type=password&username=u&password=p&client_id=CID");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo(
                "{\"error\":\"server_error\",\"error_description\":\"The server encountered an unexpected error.\"}");
        assertNothingLeaks(reply.body());
    }

    @Test
    void aJsonBodyLabelledAsAFormIsReadAsJson() {
        WireClient.Reply reply = http.postForm(TOKEN,
                " {\"grant_type\":\"password\",\"username\":\"u\",\"password\":\"p\",\"client_id\":\"CID\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).isEqualTo("at.1");
    }

    @Test
    void unknownMembersAreIgnored() {
        WireClient.Reply reply = http.postJson(TOKEN, "{\"client_id\":\"CID\",\"grant_type\":\"password\","
                + "\"username\":\"u\",\"password\":\"p\",\"extra\":{\"nested\":[1,2]},\"n\":3}");

        assertThat(reply.status()).isEqualTo(200);
    }

    private static void assertNothingLeaks(String body) {
        assertThat(body).doesNotContain("errorCode", "Exception", "exception", "at io.", "micronaut", "_embedded",
                "hunter2", "\"message\"");
    }
}
