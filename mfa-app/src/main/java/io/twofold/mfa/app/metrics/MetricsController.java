package io.twofold.mfa.app.metrics;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.vavr.control.Option;
import jakarta.inject.Named;

import java.util.function.Supplier;

/**
 * {@code GET /metrics} on the main port, in the Prometheus text format, when metrics are on and no
 * management port is set; otherwise the same 404 as any unknown path. It is handed the scrape as a
 * function ({@link MetricsFactory}), so that a controller depends on no Twofold class outside the
 * HTTP adapter and the domain's inbound side (the architecture rule for controllers).
 */
@Controller("/metrics")
public class MetricsController {
    /** The Prometheus text exposition format 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The name of the scrape for the main port: none when metrics are off or on the management port. */
    static final String MAIN_PORT_SCRAPE = "twofold.metrics.main-port-scrape";

    private final Supplier<Option<String>> scrape;

    public MetricsController(@Named(MAIN_PORT_SCRAPE) Supplier<Option<String>> scrape) {
        this.scrape = scrape;
    }

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<String> scrape() {
        String text = scrape.get().getOrElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
        return HttpResponse.ok(text).header("Content-Type", CONTENT_TYPE).header("Cache-Control", "no-store");
    }
}
