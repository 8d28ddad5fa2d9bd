package io.twofold.mfa.app.metrics;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * {@code GET /metrics} on the main port, in the Prometheus text format, when metrics are on and no
 * management port is set; otherwise the same 404 as any unknown path.
 */
@Controller("/metrics")
public class MetricsController {
    /** The Prometheus text exposition format 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsBinding binding;

    public MetricsController(MetricsBinding binding) {
        this.binding = binding;
    }

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<String> scrape() {
        if (!binding.settings().onMainPort()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        String text = binding.scrape().getOrElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
        return HttpResponse.ok(text).header("Content-Type", CONTENT_TYPE).header("Cache-Control", "no-store");
    }
}
