package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.twofold.mfa.app.GracefulShutdown;
import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.twofold.mfa.app.config.ConfigurationReader;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.vavr.control.Option;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Reads and checks the configuration first of all, so a bad value stops the start-up with one clear line. */
@Factory
class ConfigurationFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationFactory.class);

    /** MFA_SHUTDOWN_GRACE, for {@link GracefulShutdown}, which runs outside the wiring. */
    @Singleton
    @Named(GracefulShutdown.GRACE)
    Duration shutdownGrace(TwofoldConfiguration configuration) {
        return configuration.shutdownGrace();
    }

    @Context
    TwofoldConfiguration configuration(Environment environment) {
        try {
            TwofoldConfiguration configuration = new ConfigurationReader(
                    setting -> Option.ofOptional(environment.getProperty(setting.property(), String.class)),
                    new BootstrapParser(JdbcUserDirectory.DEFAULT_REALM)).read();
            LOG.info("Twofold configuration: {}", configuration);
            return configuration;
        } catch (InvalidConfigurationException e) {
            LOG.error("Twofold cannot start: {}", e.getMessage());
            throw e;
        }
    }
}
