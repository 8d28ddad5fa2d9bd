package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to the running server over its socket with the JDK's HTTP client: JSON, form, raw bodies, any header. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    ApiClient(URI base) {
        this(base, HttpClient.newBuilder());
    }

    ApiClient(URI base, SSLContext tls) {
        this(base, HttpClient.newBuilder().sslContext(tls));
    }

    private ApiClient(URI base, HttpClient.Builder http) {
        this.base = base;
        this.http = http.connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    ApiResponse postJson(String path, Map<String, ?> body, String... headers) {
        try {
            return send("POST", path, "application/json", JSON.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ApiResponse postForm(String path, Map<String, String> body, String... headers) {
        String form = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), headers);
    }

    ApiResponse get(String path, String bearer) {
        return send("GET", path, "application/json", null, "Authorization", "Bearer " + bearer);
    }

    ApiResponse delete(String path, String bearer) {
        return send("DELETE", path, "application/json", null, "Authorization", "Bearer " + bearer);
    }

    /** Any request; a null content type sends none, a null body sends none. Headers come as name, value pairs. */
    ApiResponse send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return ApiResponse.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
