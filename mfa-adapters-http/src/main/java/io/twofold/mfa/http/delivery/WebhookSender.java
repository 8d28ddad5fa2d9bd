package io.twofold.mfa.http.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.VoiceSender;
import io.twofold.mfa.secret.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Hands each code to an HTTP endpoint the operator runs (which then talks to an SMS, voice or
 * email provider): a JSON POST {@code {"channel","to","code","message"}}, signed with
 * HMAC-SHA256 over {@code "<timestamp>.<body>"} so the receiver can reject forged or replayed
 * calls. Blocking; callers run it off the event loop. Failures never name the code or the address.
 */
public final class WebhookSender implements SmsSender, VoiceSender, EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final String TIMESTAMP_HEADER = "X-Twofold-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Twofold-Signature";

    private final URI endpoint;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookSender(URI endpoint, String secret, Clock clock) {
        this(endpoint, secret, DEFAULT_TIMEOUT, clock);
    }

    /** {@code timeout} bounds the connection and, separately, the wait for the response. */
    public WebhookSender(URI endpoint, String secret, Duration timeout, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (!endpoint.isAbsolute() || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("the webhook URL must be an absolute http(s) URL");
        }
        this.signature = new WebhookSignature(secret);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        // HTTP/1.1: no h2c upgrade dance with plain-http receivers. Redirects are failures, not
        // detours: a code must not be re-posted to wherever a 3xx points.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(OobMessage message) {
        String channel = message.channel().wireName();
        String body = body(message);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw failed(channel, "timed out after " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw failed(channel, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(channel, "interrupted", e);
        }
        if (status < 200 || status > 299) {
            throw failed(channel, "HTTP " + status, null);
        }
    }

    private String body(OobMessage message) {
        ObjectNode node = json.createObjectNode()
                .put("channel", message.channel().wireName())
                .put("to", message.to())
                .put("code", message.code())
                .put("message", message.text());
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw failed(message.channel().wireName(), "could not write the request body", e);
        }
    }

    /** Logged here, where the cause is known: the use case only learns that the code was not delivered. */
    private DeliveryException failed(String channel, String cause, Exception e) {
        String failure = "webhook delivery over " + channel + " to " + Redaction.url(endpoint.toString()) + " failed: " + cause;
        LOG.warn(failure);
        return e == null ? new DeliveryException(failure) : new DeliveryException(failure, e);
    }

    @Override
    public String toString() {
        return "WebhookSender[" + Redaction.url(endpoint.toString()) + ", secret=***]";
    }
}
