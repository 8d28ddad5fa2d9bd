package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.KeyringFile;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.twofold.mfa.port.out.UnitOfWork;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Every store on one database: opens the {@link Database} (pool, migrations at start-up, safe to run
 * on every node, every start), and hands out the stores the {@link StoreFactory} built on it.
 */
public final class JdbcStorage implements AutoCloseable {
    /** The H2 settings the migrations are written for. */
    public static final String H2_OPTIONS = Dialect.H2_OPTIONS;
    /** The file in the data directory that holds the embedded default's sealing keys. */
    public static final String KEYRING_FILE = "sealing-keys.properties";

    private final Database database;
    private final JdbcAuthenticatorStore authenticators;
    private final JdbcTransactionStore transactions;
    private final JdbcLoginStateStore loginStates;
    private final JdbcChallengeStore challenges;
    private final JdbcAttemptCounterStore attemptCounters;
    private final JdbcSigningKeyStore signingKeys;
    private final JdbcAuditLog auditLog;
    private final JdbcUserDirectory users;
    private final JdbcClientRegistry clients;
    private final UnitOfWork unitOfWork;

    private JdbcStorage(Database database, StoreFactory stores) {
        this.database = database;
        this.authenticators = stores.authenticators();
        this.transactions = stores.transactions();
        this.challenges = stores.challenges();
        this.attemptCounters = stores.attemptCounters();
        this.signingKeys = stores.signingKeys();
        this.auditLog = stores.auditLog();
        this.users = stores.users();
        this.loginStates = stores.loginStates();
        this.clients = stores.clients();
        this.unitOfWork = stores.unitOfWork();
    }

    /** Connects, migrates and builds the stores; the wall clock stamps new users. */
    public static JdbcStorage start(JdbcConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static JdbcStorage start(JdbcConfig config, Clock clock) {
        Database database = Database.open(config);
        try {
            return new JdbcStorage(database, new StoreFactory(database, config, clock));
        } catch (RuntimeException e) {
            database.close();
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
        Database.migrate(dataSource, config);
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
        return database.jdbi();
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
