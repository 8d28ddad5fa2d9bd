package io.twofold.mfa.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Option;

/**
 * The registry Twofold's meters go to and {@code /metrics} reads, when metrics are on: Micronaut's
 * Prometheus registry, which its binders also fill with JVM and process meters.
 */
public final class MetricsBinding {
    private final MetricsSettings settings;
    private final Option<PrometheusMeterRegistry> registry;
    private final Option<TwofoldMeters> meters;

    MetricsBinding(MetricsSettings settings, Option<PrometheusMeterRegistry> registry) {
        this.settings = settings;
        this.registry = settings.enabled() ? registry : Option.none();
        this.meters = this.registry.map(TwofoldMeters::new);
    }

    public MetricsSettings settings() {
        return settings;
    }

    Option<TwofoldMeters> meters() {
        return meters;
    }

    /** The Prometheus text exposition of every meter; none when metrics are off. */
    public Option<String> scrape() {
        return registry.map(PrometheusMeterRegistry::scrape);
    }

    public Instrumentation instrumentation() {
        return meters.map(Instrumentation::on).getOrElse(Instrumentation::off);
    }
}
