package io.twofold.mfa.app.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpResponse;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.health.HealthController;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The management port ({@code MFA_MANAGEMENT_PORT}), as Keycloak has one: {@code GET /metrics} and the
 * health endpoints ({@code /health}, {@code /health/liveness}, {@code /health/readiness}, answered by
 * the same {@link HealthController} as on the main port), plain HTTP on {@code MFA_MANAGEMENT_HOST};
 * anything else is 404. The JDK's own small HTTP server on two daemon threads, apart from the API's
 * event loops, so a scrape never waits behind API traffic. Not started when no port is set.
 */
public final class ManagementListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final MetricsBinding binding;
    private final HealthController health;
    private Option<HttpServer> server = Option.none();
    private Option<ExecutorService> threads = Option.none();

    ManagementListener(MetricsBinding binding, HealthController health) {
        this.binding = binding;
        this.health = health;
    }

    void start() {
        MetricsSettings settings = binding.settings();
        if (settings.managementPort().isEmpty()) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(settings.managementHost(), settings.managementPort().get());
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (IOException | RuntimeException e) {
            InvalidConfigurationException invalid = new InvalidConfigurationException("cannot listen on MFA_MANAGEMENT_HOST:"
                    + "MFA_MANAGEMENT_PORT " + settings.managementHost() + ":" + settings.managementPort().get()
                    + ": " + e.getMessage(), e);
            LOG.error("Twofold cannot start: {}", invalid.getMessage());
            throw invalid;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "management-listener");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(pool);
        http.createContext("/", this::answer);
        http.start();
        server = Option.some(http);
        threads = Option.some(pool);
        LOG.info("management port {}:{} serves /metrics{} and /health; /metrics is not on the main port",
                settings.managementHost(), port(), settings.enabled() ? "" : " (metrics are off: 404)");
    }

    /** The port bound; the configured one unless that was 0. */
    public int port() {
        return server.map(s -> s.getAddress().getPort()).getOrElse(-1);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            boolean get = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
            if (!get) {
                send(exchange, 405, JSON_TYPE, json(Map.of("error", "method_not_allowed")));
            } else if (path.equals("/metrics")) {
                Option<String> text = binding.scrape();
                if (text.isDefined()) {
                    send(exchange, 200, MetricsController.CONTENT_TYPE, text.get().getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 404, JSON_TYPE, json(Map.of("error", "not_found")));
                }
            } else if (path.equals("/health") || path.equals("/health/readiness")) {
                health(exchange, health::readiness);
            } else if (path.equals("/health/liveness")) {
                health(exchange, health::liveness);
            } else {
                send(exchange, 404, JSON_TYPE, json(Map.of("error", "not_found")));
            }
        } finally {
            exchange.close();
        }
    }

    private static void health(HttpExchange exchange, Supplier<HttpResponse<Map<String, String>>> check) throws IOException {
        HttpResponse<Map<String, String>> answer = check.get();
        send(exchange, answer.code(), JSON_TYPE, json(answer.body()));
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.forEach(s -> s.stop(0));
        threads.forEach(ExecutorService::shutdownNow);
    }
}
