package io.twofold.mfa.http.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSenderTest {
    static final String SECRET = "webhook-secret-for-tests";
    static final OobMessage SMS = new OobMessage(OobChannel.SMS, "+15551234567", "482913", "Your code is 482913");

    final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
    final AtomicReference<String> body = new AtomicReference<>();
    final AtomicReference<String> timestamp = new AtomicReference<>();
    final AtomicReference<String> signature = new AtomicReference<>();
    final AtomicReference<String> contentType = new AtomicReference<>();
    final CountDownLatch release = new CountDownLatch(1);
    HttpServer server;

    URI serve(int status, boolean hang) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            timestamp.set(exchange.getRequestHeaders().getFirst("X-Twofold-Timestamp"));
            signature.set(exchange.getRequestHeaders().getFirst("X-Twofold-Signature"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheMessageAsJsonSignedWithHmacOverTimestampAndBody() throws Exception {
        new WebhookSender(serve(204, false), SECRET, clock).send(SMS);

        JsonNode json = new ObjectMapper().readTree(body.get());
        assertThat(json.get("channel").asText()).isEqualTo("sms");
        assertThat(json.get("to").asText()).isEqualTo("+15551234567");
        assertThat(json.get("code").asText()).isEqualTo("482913");
        assertThat(json.get("message").asText()).isEqualTo("Your code is 482913");
        assertThat(contentType.get()).isEqualTo("application/json");
        assertThat(timestamp.get()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(signature.get()).isEqualTo("sha256=" + hmac(timestamp.get() + "." + body.get()));
    }

    @Test
    void namesEachChannelOnTheWire() throws Exception {
        WebhookSender sender = new WebhookSender(serve(200, false), SECRET, clock);

        sender.send(new OobMessage(OobChannel.VOICE, "+15551234567", "111222", "Your code is 1 1 1 2 2 2"));
        assertThat(new ObjectMapper().readTree(body.get()).get("channel").asText()).isEqualTo("voice");
        sender.send(new OobMessage(OobChannel.EMAIL, "sam@example.com", "333444", "Your code is 333444"));
        assertThat(new ObjectMapper().readTree(body.get()).get("channel").asText()).isEqualTo("email");
        assertThat(new ObjectMapper().readTree(body.get()).get("to").asText()).isEqualTo("sam@example.com");
    }

    @Test
    void aServerErrorIsADeliveryFailureThatNamesNeitherCodeNorNumber() throws Exception {
        WebhookSender sender = new WebhookSender(serve(500, false), SECRET, clock);

        assertThatThrownBy(() -> sender.send(SMS))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("sms")
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("482913")
                .hasMessageNotContaining("5551234567");
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsFailure() throws Exception {
        WebhookSender sender = new WebhookSender(serve(302, false), SECRET, clock);

        assertThatThrownBy(() -> sender.send(SMS)).isInstanceOf(DeliveryException.class).hasMessageContaining("HTTP 302");
    }

    @Test
    void aSlowServerTimesOutIntoADeliveryFailure() throws Exception {
        WebhookSender sender = new WebhookSender(serve(200, true), SECRET, Duration.ofMillis(200), clock);

        assertThatThrownBy(() -> sender.send(SMS))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("sms")
                .hasMessageContaining("timed out")
                .hasMessageNotContaining("482913")
                .hasMessageNotContaining("5551234567");
    }

    @Test
    void anUnreachableEndpointIsADeliveryFailure() throws Exception {
        URI closed = serve(200, false);
        server.stop(0);
        server = null;
        WebhookSender sender = new WebhookSender(closed, SECRET, Duration.ofSeconds(2), clock);

        assertThatThrownBy(() -> sender.send(new OobMessage(OobChannel.EMAIL, "sam@example.com", "777888", "Code 777888")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("email")
                .hasMessageNotContaining("777888")
                .hasMessageNotContaining("sam@example.com");
    }

    @Test
    void refusesAMissingSecretAndHidesItInToString() {
        URI uri = URI.create("http://127.0.0.1:9/hook");
        assertThatThrownBy(() -> new WebhookSender(uri, " ", clock)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebhookSender(uri, SECRET, clock).toString()).doesNotContain(SECRET);
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
