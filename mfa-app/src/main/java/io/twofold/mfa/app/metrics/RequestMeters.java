package io.twofold.mfa.app.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Times every request into {@value TwofoldMeters#REQUESTS}, labelled with the route template that
 * matched (never the raw path, which may hold a user or authenticator id), and for an error answer
 * the code its body carries: the OAuth {@code error}, or under {@code /api/v2/} the Management API's
 * {@code errorCode}. The code is read back from the body the client gets, so it is exactly what the
 * client saw; only a short word of letters, digits and {@code _.-} becomes a label.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class RequestMeters {
    private static final String STARTED = "twofold.metrics.started";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int LARGEST_ERROR_BODY = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricsBinding binding;

    public RequestMeters(MetricsBinding binding) {
        this.binding = binding;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        binding.meters().forEach(meters -> {
            long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
            String route = BasicHttpAttributes.getUriTemplate(request).orElse("unmatched");
            // The method as Micronaut knows it: any method it does not know is CUSTOM, so a client
            // cannot make a label of its own.
            meters.request(request.getMethod().name(), route, response.code(), errorCode(response),
                    System.nanoTime() - started);
        });
    }

    /** The error code of a 4xx or 5xx JSON body; {@code none} for a success or a body without one. */
    static String errorCode(MutableHttpResponse<?> response) {
        if (response.code() < 400) {
            return "none";
        }
        Object body = response.body();
        JsonNode json = null;
        try {
            if (body instanceof byte[] bytes && bytes.length <= LARGEST_ERROR_BODY) {
                json = JSON.readTree(bytes);
            } else if (body instanceof CharSequence text && text.length() <= LARGEST_ERROR_BODY) {
                json = JSON.readTree(text.toString().getBytes(StandardCharsets.UTF_8));
            } else if (body instanceof Map<?, ?> map) {
                json = JSON.valueToTree(map);
            }
        } catch (IOException | IllegalArgumentException e) {
            return "none";
        }
        if (json == null || !json.isObject()) {
            return "none";
        }
        // The Management API's shape has statusCode, its code in errorCode (or none); OAuth's has error.
        JsonNode code = json.has("statusCode") ? json.get("errorCode") : json.get("error");
        if (code == null || !code.isTextual()) {
            return "none";
        }
        String text = code.textValue();
        return LABEL.matcher(text).matches() ? text : "other";
    }
}
