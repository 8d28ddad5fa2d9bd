package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.apis.JdbcClientGrantStore;
import io.twofold.mfa.jdbc.apis.JdbcResourceServerStore;
import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.clients.JdbcClientStore;
import io.twofold.mfa.jdbc.imports.AccountImporter;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.KeyringFile;
import io.twofold.mfa.jdbc.users.JdbcUserAccounts;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.twofold.mfa.port.out.UnitOfWork;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Every store on one database, and a {@link UnitOfWork} over them. Either we own the database
 * ({@link #start}, {@link #h2File}: our pool, migrations at start-up, safe to run on every node, every
 * start) or the host does ({@link #on}: its DataSource, its transactions, its choice of migrations).
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
    private final JdbcTenantPolicyStore tenantPolicy;
    private final JdbcUserDirectory users;
    private final JdbcUserAccounts userAccounts;
    private final JdbcClientRegistry clients;
    private final JdbcClientStore clientStore;
    private final JdbcResourceServerStore resourceServers;
    private final JdbcClientGrantStore clientGrants;
    private final JdbcRefreshTokenStore refreshTokens;
    private final UnitOfWork unitOfWork;
    private final AccountImporter accountImporter;

    private JdbcStorage(Database database, StoreFactory stores) {
        this.database = database;
        this.authenticators = stores.authenticators();
        this.transactions = stores.transactions();
        this.challenges = stores.challenges();
        this.attemptCounters = stores.attemptCounters();
        this.signingKeys = stores.signingKeys();
        this.auditLog = stores.auditLog();
        this.tenantPolicy = stores.tenantPolicy();
        this.users = stores.users();
        this.userAccounts = stores.userAccounts();
        this.loginStates = stores.loginStates();
        this.clients = stores.clients();
        this.clientStore = stores.clientStore(clients);
        this.resourceServers = stores.resourceServers();
        this.clientGrants = stores.clientGrants();
        this.refreshTokens = stores.refreshTokens();
        this.unitOfWork = stores.unitOfWork();
        this.accountImporter = stores.accountImporter();
    }

    /** Whether {@link #on} applies Twofold's migrations to the host's database. */
    public enum Migrations {
        /**
         * Apply pending migrations now (Flyway, scripts under {@code classpath:db/twofold}, history in the
         * table {@code twofold_schema_history}, so a host's own Flyway history is left alone).
         */
        RUN,
        /** The host has applied them already, with its own tooling, from the same scripts. */
        SKIP
    }

    /**
     * The stores on a DataSource the host owns: no pool of ours, {@link #close()} leaves it open.
     * Secrets are sealed with the host's {@code keyring}; the wall clock stamps new users. The tables
     * live in the connections' current schema; the database must be PostgreSQL or H2 in PostgreSQL mode
     * ({@link #H2_OPTIONS}).
     *
     * <p>Transactions: each store call, and each {@link #unitOfWork()}, takes a connection from the
     * DataSource. If that connection comes with auto-commit on, our unit of work runs its own database
     * transaction on it: it commits when the use case returns (a counted wrong code must stick, so a
     * returned {@code MfaError} commits too) and rolls back when it throws. If it comes with
     * auto-commit off, it is taken to be the host's open transaction (for example Spring's
     * {@code TransactionAwareDataSourceProxy} inside {@code @Transactional}): we join it and never
     * commit or roll it back, not even when the work throws (we only close the connection we were
     * handed, which a transaction-aware DataSource turns into a release); the host's commit makes our
     * writes durable and its rollback undoes them. So a host that joins must commit after a use case
     * returns a failure value as well, or wrong codes are not counted; and a pool that hands out
     * auto-commit-off connections outside any transaction of the host's loses every write of ours,
     * which nothing ever commits.
     *
     * <p>The rest of {@link JdbcConfig} takes its defaults ({@link JdbcConfig#of}): 30 s client and
     * user profile caches, OWASP Argon2id for the JDBC user directory, if the host uses it.
     */
    public static JdbcStorage on(DataSource dataSource, Keyring keyring, Migrations migrations) {
        return on(dataSource, keyring, migrations, Clock.systemUTC());
    }

    /** As {@link #on(DataSource, Keyring, Migrations)}, with the clock that stamps new users. */
    public static JdbcStorage on(DataSource dataSource, Keyring keyring, Migrations migrations, Clock clock) {
        Database database = Database.on(dataSource, migrations);
        // Only the keyring and the default tuning are read from this config: the host owns the connections.
        JdbcConfig defaults = JdbcConfig.of("(the host's DataSource)", "", "", keyring);
        return new JdbcStorage(database, new StoreFactory(database, defaults, clock));
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

    /** The operator's factor switches and MFA policies. */
    public JdbcTenantPolicyStore tenantPolicy() {
        return tenantPolicy;
    }

    public JdbcUserDirectory users() {
        return users;
    }

    /** The operator's view of the same users: profiles, search, block, delete. */
    public JdbcUserAccounts userAccounts() {
        return userAccounts;
    }

    public JdbcClientRegistry clients() {
        return clients;
    }

    /** The clients as operators manage them (the same table as {@link #clients()}). */
    public JdbcClientStore clientStore() {
        return clientStore;
    }

    public JdbcResourceServerStore resourceServers() {
        return resourceServers;
    }

    public JdbcClientGrantStore clientGrants() {
        return clientGrants;
    }

    public JdbcRefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    /** Forgets this node's cached clients and user profiles: after rows were changed behind the stores' back. */
    public void clearCaches() {
        clients.clearCache();
        users.clearCache();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Writes imported users, each with its hash, profile and factors in one transaction. */
    public AccountImporter accountImporter() {
        return accountImporter;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Closes our pool; on a host's DataSource ({@link #on}), nothing: the host closes its own. */
    @Override
    public void close() {
        database.close();
    }
}
