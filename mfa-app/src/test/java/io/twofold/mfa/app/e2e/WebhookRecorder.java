package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tiny SMS webhook on 127.0.0.1 that records every delivery, so a test can read the code a user would receive. */
final class WebhookRecorder implements AutoCloseable {
    static final String SECRET = "webhook-secret-for-the-tests-0123456789";

    /** One delivery as the webhook sender posted it, with its signature header. */
    record Delivery(String channel, String to, String code, String message, String signature) {
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final ObjectMapper json = new ObjectMapper();

    WebhookRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode node = json.readTree(body);
                deliveries.add(new Delivery(node.path("channel").asText(), node.path("to").asText(),
                        node.path("code").asText(), node.path("message").asText(),
                        exchange.getRequestHeaders().getFirst("X-Twofold-Signature")));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    /** The next delivery, waiting a little for it (the sender posts before the API answers, so it is normally there). */
    Delivery next() {
        try {
            Delivery delivery = deliveries.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            if (delivery == null) {
                throw new AssertionError("no delivery reached the webhook");
            }
            return delivery;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a delivery", e);
        }
    }

    int pending() {
        return deliveries.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
