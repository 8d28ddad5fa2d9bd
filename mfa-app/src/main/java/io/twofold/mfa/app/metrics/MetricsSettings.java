package io.twofold.mfa.app.metrics;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Where {@code /metrics} is served: nowhere ({@code MFA_METRICS_ENABLED=false}), on the main port (the
 * default), or, with {@code MFA_MANAGEMENT_PORT} set, only on that port (with the health endpoints),
 * bound to {@code MFA_MANAGEMENT_HOST}. Port 0 asks for a free port (tests).
 */
public record MetricsSettings(boolean enabled, Option<Integer> managementPort, String managementHost) {
    static final String ENABLED = "twofold.metrics.enabled";
    static final String MANAGEMENT_PORT = "twofold.metrics.management-port";
    static final String MANAGEMENT_HOST = "twofold.metrics.management-host";

    /** Reads the three settings from {@code properties} (by property name), checked. */
    public static MetricsSettings read(Function<String, Option<String>> properties) {
        String enabled = value(properties, ENABLED).getOrElse("true");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new InvalidConfigurationException("MFA_METRICS_ENABLED must be true or false");
        }
        Option<Integer> port = value(properties, MANAGEMENT_PORT).map(MetricsSettings::port);
        String host = value(properties, MANAGEMENT_HOST).getOrElse("0.0.0.0");
        return new MetricsSettings(enabled.equals("true"), port, host);
    }

    /** Whether {@code /metrics} answers on the main port. */
    public boolean onMainPort() {
        return enabled && managementPort.isEmpty();
    }

    private static Option<String> value(Function<String, Option<String>> properties, String name) {
        return properties.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidConfigurationException("MFA_MANAGEMENT_PORT must be a port number from 1 to 65535");
    }
}
