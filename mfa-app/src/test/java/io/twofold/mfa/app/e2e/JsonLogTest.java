package io.twofold.mfa.app.e2e;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MFA_LOG_FORMAT=json} end to end: Logback configured from the app's own {@code logback.xml}
 * with the variable set (as a system property, which Logback reads before the environment), the
 * console output captured as the app writes it, and a whole TOTP enrollment, a wrong password and a
 * request with the client's {@code X-Request-Id} run over the socket. Every line is one JSON object,
 * each request has its access line with status and request id, a line the use case logs on the
 * blocking executor carries the request's id, and no secret of the flow is anywhere in the output.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneJsonObjectPerLineWithTheRequestIdAndNoSecret() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(JANE_PASSWORD, CLIENT_SECRET, "wrong passphrase 0xC0FFEE"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ApiResponse tagged;
        MutableClock clock = E2eFixture.clock();
        try (JsonConsole ignored = new JsonConsole(console);
             WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), clock)) {
            ApiClient api = app.client();

            ApiResponse first = passwordLogin(api, JANE_PASSWORD);
            assertThat(first.error()).as(first.toString()).isEqualTo("mfa_required");
            String mfaToken = first.text("mfa_token");
            ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                    "Authorization", "Bearer " + mfaToken);
            assertThat(otp.status()).as(otp.toString()).isEqualTo(200);
            String secret = otp.text("secret");
            String recoveryCode = otp.json().get("recovery_codes").get(0).textValue();
            String code = totp(secret, clock.instant());
            ApiResponse tokens = api.postForm("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                    "otp", code), "Authorization", ApiClient.basic(CLIENT_ID, CLIENT_SECRET));
            assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
            secrets.addAll(List.of(mfaToken, secret, code, recoveryCode, tokens.text("access_token"), tokens.text("id_token")));

            assertThat(passwordLogin(api, "wrong passphrase 0xC0FFEE").status()).isEqualTo(403);

            // A bearer the use case refuses on the blocking executor, which logs why.
            tagged = api.send("GET", "mfa/authenticators?mfa_token=QUERY-SECRET-42", null, null,
                    "Authorization", "Bearer not.a.token", "X-Request-Id", "test-123");
            secrets.add("QUERY-SECRET-42");
            assertThat(tagged.status()).isEqualTo(401);
            awaitAccessLine(console, "test-123");
        }

        String output = console.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = output.lines().map(JsonLogTest::parse).toList();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(line.path("level").asText()).isNotEmpty();
            assertThat(line.path("logger").asText()).isNotEmpty();
            assertThat(line.has("message")).isTrue();
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("Twofold configuration:"));

        List<JsonNode> access = lines.stream().filter(line -> line.path("logger").asText().equals("io.twofold.access")).toList();
        assertThat(access).allSatisfy(line -> assertThat(line.path("request_id").asText()).matches("[A-Za-z0-9._-]{1,128}"));
        assertThat(access).anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("POST /oauth/token 403 "));
        assertThat(access).anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("POST /mfa/associate 200 "));
        assertThat(access).anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("POST /oauth/token 200 "));
        assertThat(access).anySatisfy(line -> {
            assertThat(line.path("message").asText()).startsWith("GET /mfa/authenticators 401 ").endsWith("ms test-123");
            assertThat(line.path("request_id").asText()).isEqualTo("test-123");
            assertThat(line.path("method").asText()).isEqualTo("GET");
            assertThat(line.path("path").asText()).isEqualTo("/mfa/authenticators");
            assertThat(line.path("status").isInt()).isTrue();
            assertThat(line.path("status").asInt()).isEqualTo(401);
            assertThat(line.path("duration_ms").isIntegralNumber()).isTrue();
        });
        assertThat(access.stream().map(line -> line.path("request_id").asText()).distinct()).hasSize(access.size());

        assertThat(tagged.header("X-Request-Id")).contains("test-123");
        assertThat(lines).as(output).anySatisfy(line -> {
            assertThat(line.path("logger").asText()).isNotEqualTo("io.twofold.access");
            assertThat(line.path("request_id").asText()).isEqualTo("test-123");
            assertThat(line.path("thread").asText().toLowerCase()).doesNotContain("eventloop").doesNotContain("event-loop");
        });

        assertThat(secrets).allSatisfy(secret -> assertThat(output).doesNotContain(secret));
    }

    @Test
    void generatesARequestIdUnlessTheClientsIsSane() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (JsonConsole ignored = new JsonConsole(console);
             WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock())) {
            ApiClient api = app.client();
            String generated = api.send("GET", ".well-known/jwks.json", null, null).header("X-Request-Id").orElseThrow();
            String refused = api.send("GET", ".well-known/jwks.json", null, null, "X-Request-Id", "a b{}\"")
                    .header("X-Request-Id").orElseThrow();
            String tooLong = api.send("GET", ".well-known/jwks.json", null, null, "X-Request-Id", "x".repeat(129))
                    .header("X-Request-Id").orElseThrow();

            assertThat(List.of(generated, refused, tooLong)).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
            assertThat(List.of(generated, refused, tooLong)).doesNotHaveDuplicates();
            assertThat(api.send("GET", ".well-known/jwks.json", null, null, "X-Request-Id", "lb-7.a_B")
                    .header("X-Request-Id")).contains("lb-7.a_B");
            awaitAccessLine(console, tooLong);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("a b{}").doesNotContain("x".repeat(129));
    }

    private static ApiResponse passwordLogin(ApiClient api, String password) {
        return api.postForm("oauth/token", new HashMap<>(Map.of("grant_type", PASSWORD, "username", JANE,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope", "openid profile")));
    }

    /** The access line is written after the response is sent: wait for it rather than race it. */
    private static void awaitAccessLine(ByteArrayOutputStream console, String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!console.toString(StandardCharsets.UTF_8).contains("ms " + requestId + "\"")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no access line for " + requestId + " in:\n" + console.toString(StandardCharsets.UTF_8));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /**
     * While open: Logback configured from the app's {@code logback.xml} with {@code MFA_LOG_FORMAT=json},
     * and the console it writes to captured. Closing puts back the console and the default text format.
     */
    private static final class JsonConsole implements AutoCloseable {
        private final PrintStream console = System.out;

        JsonConsole(ByteArrayOutputStream capture) {
            System.setOut(new PrintStream(capture, true, StandardCharsets.UTF_8));
            System.setProperty("MFA_LOG_FORMAT", "json");
            configure();
        }

        @Override
        public void close() {
            System.clearProperty("MFA_LOG_FORMAT");
            configure();
            System.setOut(console);
        }

        private static void configure() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(JsonLogTest.class.getResource("/logback.xml"));
            } catch (JoranException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }
}
