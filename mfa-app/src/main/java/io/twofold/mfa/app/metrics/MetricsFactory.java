package io.twofold.mfa.app.metrics;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.health.HealthController;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.vavr.control.Option;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Metrics, by hand: the settings, the binding to Micronaut's Prometheus registry, the
 * {@link Instrumentation} the other factories wrap ports with, the database meters, and the
 * management listener when {@code MFA_MANAGEMENT_PORT} is set.
 */
@Factory
class MetricsFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsFactory.class);

    @Context
    MetricsSettings metricsSettings(Environment environment) {
        try {
            return MetricsSettings.read(name -> Option.ofOptional(environment.getProperty(name, String.class)));
        } catch (InvalidConfigurationException e) {
            LOG.error("Twofold cannot start: {}", e.getMessage());
            throw e;
        }
    }

    @Singleton
    MetricsBinding metricsBinding(MetricsSettings settings, @Nullable PrometheusMeterRegistry registry) {
        MetricsBinding binding = new MetricsBinding(settings, Option.of(registry));
        if (!settings.enabled()) {
            LOG.info("metrics are off (MFA_METRICS_ENABLED=false)");
        } else if (settings.onMainPort()) {
            LOG.info("metrics are served at /metrics on the main port, without authentication;"
                    + " set MFA_MANAGEMENT_PORT to serve them on a port of their own");
        }
        return binding;
    }

    /** What {@code GET /metrics} on the main port answers: none when metrics are off or on the management port. */
    @Singleton
    @Named(MetricsController.MAIN_PORT_SCRAPE)
    Supplier<Option<String>> mainPortScrape(MetricsBinding binding) {
        return () -> binding.settings().onMainPort() ? binding.scrape() : Option.none();
    }

    @Singleton
    Instrumentation instrumentation(MetricsBinding binding) {
        return binding.instrumentation();
    }

    /** Pool and statement meters on the database the stores use. */
    @Context
    DatabaseMeters databaseMeters(MetricsBinding binding, JdbcStorage storage) {
        DatabaseMeters meters = new DatabaseMeters(binding);
        meters.bind(storage);
        return meters;
    }

    @Context
    @Bean(preDestroy = "close")
    ManagementListener managementListener(MetricsBinding binding, HealthController health) {
        ManagementListener listener = new ManagementListener(binding, health);
        listener.start();
        return listener;
    }
}
