package io.twofold.mfa.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.KeyringFile;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.JdbcUnitOfWork;
import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.twofold.mfa.jdbc.users.ProfileCache;
import io.twofold.mfa.port.out.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Every store on one database: builds the connection pool, migrates the schema at start-up
 * (safe to run on every node, every start), and hands out the stores and the unit of work.
 */
public final class JdbcStorage implements AutoCloseable {
    /** The H2 settings the migrations are written for. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /** The file in the data directory that holds the embedded default's sealing keys. */
    public static final String KEYRING_FILE = "sealing-keys.properties";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Handles handles;
    private final JdbcAuthenticatorStore authenticators;
    private final JdbcTransactionStore transactions;
    private final JdbcLoginStateStore loginStates;
    private final JdbcChallengeStore challenges;
    private final JdbcAttemptCounterStore attemptCounters;
    private final JdbcSigningKeyStore signingKeys;
    private final JdbcAuditLog auditLog;
    private final JdbcUserDirectory users;
    private final JdbcClientRegistry clients;
    private final JdbcUnitOfWork unitOfWork;

    private JdbcStorage(HikariDataSource dataSource, JdbcConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.handles = new Handles(jdbi);
        SecureRandom random = new SecureRandom();
        Sealer sealer = new Sealer(config.keyring(), random);
        SeedSealer seeds = new SeedSealer(sealer);
        this.authenticators = new JdbcAuthenticatorStore(handles, seeds);
        this.transactions = new JdbcTransactionStore(handles, isPostgres(config.url()));
        this.challenges = new JdbcChallengeStore(handles);
        this.attemptCounters = new JdbcAttemptCounterStore(handles);
        this.signingKeys = new JdbcSigningKeyStore(handles, sealer);
        this.auditLog = new JdbcAuditLog(handles);
        Argon2idHasher hasher = new Argon2idHasher(config.passwordHashing(), random, config.maxConcurrentPasswordHashes());
        ProfileCache profiles = new ProfileCache(config.userProfileCacheTtl(), System::nanoTime);
        this.users = new JdbcUserDirectory(handles, hasher, random, clock, profiles);
        this.loginStates = new JdbcLoginStateStore(handles, seeds, profiles);
        this.clients = new JdbcClientRegistry(handles, config.clientCacheTtl(), System::nanoTime);
        this.unitOfWork = new JdbcUnitOfWork(handles);
    }

    /** Connects, migrates and builds the stores; the wall clock stamps new users. */
    public static JdbcStorage start(JdbcConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static JdbcStorage start(JdbcConfig config, Clock clock) {
        requirePostgresModeOnH2(config.url());
        HikariDataSource dataSource = dataSource(config);
        try {
            migrate(dataSource, config);
            return new JdbcStorage(dataSource, config, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The embedded default: an H2 database file {@code twofold} in {@code dir}, sealed with the
     * keys in {@code dir/sealing-keys.properties} (created with one random key on first start).
     */
    public static JdbcStorage h2File(Path dir) {
        Keyring keyring = KeyringFile.loadOrCreate(dir.resolve(KEYRING_FILE), new SecureRandom());
        return start(JdbcConfig.of(h2FileUrl(dir), "sa", "", keyring));
    }

    /** The JDBC url of the embedded H2 file database in {@code dir}. */
    public static String h2FileUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("twofold") + H2_OPTIONS;
    }

    /** Applies pending migrations; already-applied ones are skipped, so every start may call it. */
    public static void migrate(DataSource dataSource, JdbcConfig config) {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration");
        config.schema().forEach(schema -> flyway.schemas(schema).defaultSchema(schema));
        flyway.load().migrate();
    }

    /** The migrations and statements use PostgreSQL syntax (ON CONFLICT, BYTEA) that H2 accepts only in this mode. */
    private static void requirePostgresModeOnH2(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:h2:") && !(lower.contains(";mode=postgresql") && lower.contains(";database_to_lower=true"))) {
            throw new IllegalArgumentException("an H2 url must end with " + H2_OPTIONS + " (see JdbcStorage.h2FileUrl)");
        }
    }

    private static boolean isPostgres(String url) {
        return url.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    private static HikariDataSource dataSource(JdbcConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("twofold");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        config.schema().forEach(hikari::setSchema);
        return new HikariDataSource(hikari);
    }

    public JdbcAuthenticatorStore authenticators() {
        return authenticators;
    }

    public JdbcTransactionStore transactions() {
        return transactions;
    }

    public JdbcLoginStateStore loginStates() {
        return loginStates;
    }

    public JdbcChallengeStore challenges() {
        return challenges;
    }

    public JdbcAttemptCounterStore attemptCounters() {
        return attemptCounters;
    }

    public JdbcSigningKeyStore signingKeys() {
        return signingKeys;
    }

    public JdbcAuditLog auditLog() {
        return auditLog;
    }

    public JdbcUserDirectory users() {
        return users;
    }

    public JdbcClientRegistry clients() {
        return clients;
    }

    /** Forgets this node's cached clients and user profiles: after rows were changed behind the stores' back. */
    public void clearCaches() {
        clients.clearCache();
        users.clearCache();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
