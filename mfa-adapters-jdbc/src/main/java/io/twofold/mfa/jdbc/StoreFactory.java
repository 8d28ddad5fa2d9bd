package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.apis.JdbcClientGrantStore;
import io.twofold.mfa.jdbc.apis.JdbcResourceServerStore;
import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.clients.JdbcClientStore;
import io.twofold.mfa.jdbc.imports.AccountImporter;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.JdbcUnitOfWork;
import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.JdbcUserAccounts;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.twofold.mfa.jdbc.users.ProfileCache;

import java.security.SecureRandom;
import java.time.Clock;

/** Builds the stores on one database, each from what it uses; what several share is made once, here. */
final class StoreFactory {
    private final JdbcConfig config;
    private final Clock clock;
    private final Dialect dialect;
    private final Handles handles;
    private final SecureRandom random = new SecureRandom();
    private final Sealer sealer;
    private final SeedSealer seeds;
    /** One per node: its permits bound how many password hashes run at once. */
    private final Argon2idHasher hasher;
    /** Warmed by the login state's join, read by the user directory. */
    private final ProfileCache profiles;

    /** @param clock stamps new users */
    StoreFactory(Database database, JdbcConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.dialect = database.dialect();
        this.handles = new Handles(database.jdbi());
        this.sealer = new Sealer(config.keyring(), random);
        this.seeds = new SeedSealer(sealer);
        this.hasher = new Argon2idHasher(config.passwordHashing(), random, config.maxConcurrentPasswordHashes());
        this.profiles = new ProfileCache(config.userProfileCacheTtl(), System::nanoTime);
    }

    JdbcAuthenticatorStore authenticators() {
        return new JdbcAuthenticatorStore(handles, seeds);
    }

    JdbcTransactionStore transactions() {
        return new JdbcTransactionStore(handles, dialect.writableWith());
    }

    JdbcChallengeStore challenges() {
        return new JdbcChallengeStore(handles);
    }

    JdbcAttemptCounterStore attemptCounters() {
        return new JdbcAttemptCounterStore(handles);
    }

    JdbcSigningKeyStore signingKeys() {
        return new JdbcSigningKeyStore(handles, sealer);
    }

    JdbcRefreshTokenStore refreshTokens() {
        return new JdbcRefreshTokenStore(handles);
    }

    JdbcAuditLog auditLog() {
        return new JdbcAuditLog(handles);
    }

    JdbcTenantPolicyStore tenantPolicy() {
        return new JdbcTenantPolicyStore(handles);
    }

    /** Shares the users' profile cache, which its writes invalidate, and the hasher's permits. */
    JdbcUserAccounts userAccounts() {
        return new JdbcUserAccounts(handles, hasher, profiles);
    }

    JdbcUserDirectory users() {
        return new JdbcUserDirectory(handles, hasher, random, clock, profiles);
    }

    /** Shares the users' profile cache, which its join warms. */
    JdbcLoginStateStore loginStates() {
        return new JdbcLoginStateStore(handles, seeds, profiles);
    }

    JdbcClientRegistry clients() {
        return new JdbcClientRegistry(handles, config.clientCacheTtl(), System::nanoTime);
    }

    /** The operator's view of the clients, dropping {@code registry}'s cached rows as it changes them. */
    JdbcClientStore clientStore(JdbcClientRegistry registry) {
        return new JdbcClientStore(handles, registry);
    }

    JdbcResourceServerStore resourceServers() {
        return new JdbcResourceServerStore(handles);
    }

    JdbcClientGrantStore clientGrants() {
        return new JdbcClientGrantStore(handles);
    }

    /** Shares the users' profile cache, which its writes invalidate; its factors go through the authenticators' store. */
    AccountImporter accountImporter() {
        return new AccountImporter(handles, authenticators(), profiles, random, clock);
    }

    JdbcUnitOfWork unitOfWork() {
        return new JdbcUnitOfWork(handles);
    }
}
