package io.twofold.mfa.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The SMS webhook both nodes post to, on 127.0.0.1: the last code sent to each phone number. */
final class SmsInbox implements AutoCloseable {
    static final String SECRET = "faults-webhook-secret-0123456789-abcdef";

    private final HttpServer server;
    private final Map<String, String> lastCode = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    SmsInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode node = json.readTree(body);
                lastCode.put(node.path("to").asText(), node.path("code").asText());
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

    /** The code last sent to {@code phone}, waiting up to 10 s for it. */
    String code(String phone) {
        for (int i = 0; i < 100; i++) {
            String code = lastCode.get(phone);
            if (code != null) {
                return code;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no SMS reached the webhook for " + phone);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
