package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.app.bootstrap.BootstrapImporter;
import io.twofold.mfa.app.config.DataDirectory;
import io.twofold.mfa.app.config.DatabaseSettings;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.config.SealingKeys;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.jdbc.JdbcConfig;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.users.PasswordHashingWarmUp;
import io.twofold.mfa.secret.Redaction;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The database: pool, migrations and stores ({@link JdbcStorage}), created at start-up so a wrong URL
 * or password stops the server at once, then the bootstrap file applied. The pool closes on shutdown.
 */
@Factory
class StorageFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StorageFactory.class);
    /**
     * Single-threaded password verifications before the server takes requests: Argon2 then gets
     * C2's fast code instead of what two concurrent first logins often leave it with (README, "Known trap").
     */
    private static final int PASSWORD_HASH_WARM_UP = 20;

    @Context
    @Bean(preDestroy = "close")
    JdbcStorage storage(TwofoldConfiguration configuration, Clock clock) {
        try {
            DatabaseSettings database = configuration.database();
            if (database.embedded()) {
                DataDirectory.restrictToOwner(configuration.dataDir());
            }
            Keyring keyring = SealingKeys.resolve(configuration, new SecureRandom());
            JdbcConfig jdbc = JdbcConfig.of(database.jdbcUrl(), database.user(), database.password(), keyring)
                    .withMaxPoolSize(database.poolSize())
                    .withPoolTimeout(database.poolTimeout());
            JdbcStorage storage = start(jdbc, clock);
            if (database.embedded()) {
                // Again, for the files H2 has just created with the umask's mode.
                DataDirectory.restrictToOwner(configuration.dataDir());
            }
            try {
                configuration.bootstrap().forEach(file -> new BootstrapImporter(storage.clients(), storage.users()).apply(file));
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
            Duration warmUp = new PasswordHashingWarmUp(jdbc.passwordHashing()).run(PASSWORD_HASH_WARM_UP);
            LOG.info("password hashing warmed up: {} Argon2id verifications on one thread in {} ms",
                    PASSWORD_HASH_WARM_UP, warmUp.toMillis());
            LOG.info("storage ready: {} (pool of {}){}", Redaction.url(database.url()), database.poolSize(),
                    database.embedded() ? ", embedded H2 default; use PostgreSQL (MFA_DB_URL) in production" : "");
            return storage;
        } catch (InvalidConfigurationException e) {
            LOG.error("Twofold cannot start: {}", e.getMessage());
            throw e;
        }
    }

    private static JdbcStorage start(JdbcConfig jdbc, Clock clock) {
        try {
            return JdbcStorage.start(jdbc, clock);
        } catch (RuntimeException e) {
            // Driver messages can be long but do not carry the password; the root cause is what helps.
            throw new InvalidConfigurationException("cannot open or migrate the database "
                    + Redaction.url(jdbc.url()) + ": " + rootMessage(e), e);
        }
    }

    @Singleton
    DataSource dataSource(JdbcStorage storage) {
        return storage.dataSource();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
