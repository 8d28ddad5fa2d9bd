package io.twofold.mfa.app.cli;

import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.twofold.mfa.app.config.ConfigurationReader;
import io.twofold.mfa.app.config.DatabaseSettings;
import io.twofold.mfa.app.config.SealingKeys;
import io.twofold.mfa.app.config.Setting;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.jdbc.JdbcConfig;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.vavr.control.Option;

import java.security.SecureRandom;
import java.util.function.Function;

/**
 * What a command works on: the server's configuration, read from the same {@code MFA_*} variables,
 * and its database, migrated and sealed with the same keys. One small pool: a command is one client.
 */
final class OperatorStorage implements AutoCloseable {
    private static final int POOL = 2;

    private final Function<Setting, Option<String>> environment;
    private final java.util.List<JdbcStorage> opened = new java.util.ArrayList<>();

    /** {@code environment}: the value of each setting's variable ({@link #fromProcess()} for the real one). */
    OperatorStorage(Function<Setting, Option<String>> environment) {
        this.environment = environment;
    }

    static OperatorStorage fromProcess() {
        return new OperatorStorage(setting -> Option.of(System.getenv(setting.envVar())));
    }

    TwofoldConfiguration configuration() {
        return new ConfigurationReader(environment, new BootstrapParser(JdbcUserDirectory.DEFAULT_REALM)).read();
    }

    /** Opens (and migrates) the database the environment configures; closed with this. */
    JdbcStorage openConfigured() {
        return open(configuration());
    }

    /** Opens (and migrates) the configured database; the caller closes it, or this does. */
    JdbcStorage open(TwofoldConfiguration configuration) {
        DatabaseSettings database = configuration.database();
        JdbcStorage storage = JdbcStorage.start(JdbcConfig.of(database.jdbcUrl(), database.user(), database.password(),
                        SealingKeys.resolve(configuration, new SecureRandom()))
                .withMaxPoolSize(POOL)
                .withPoolTimeout(database.poolTimeout()));
        opened.add(storage);
        return storage;
    }

    /** Closes what was opened (closing twice is harmless: the pool ignores it). */
    @Override
    public void close() {
        opened.forEach(JdbcStorage::close);
        opened.clear();
    }
}
