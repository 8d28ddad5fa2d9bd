package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.users.AccountRows.Account;
import io.twofold.mfa.jdbc.users.PasswordVerifier.Verdict;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Users in the {@code users} table, one realm (connection) each, found case-insensitively by
 * username or email. Passwords are Argon2id hashes; an unknown user costs one verification of a
 * dummy hash, so the answer and its timing are the same as for a wrong password. Hashes imported
 * in other schemes ({@link StoredHash}) are checked in their own and replaced by Argon2id at the
 * user's first successful login ({@link PasswordVerifier}, {@link PasswordUpgrade}).
 * <p>
 * Profiles (id, username, email: what tokens carry; never the password hash) found by id or by
 * a successful password check are kept in this node's {@link ProfileCache} for
 * {@link #DEFAULT_PROFILE_CACHE_TTL}, which saves the round trip of the token issuance after a
 * second factor that follows soon on the same node. An upsert through this directory takes effect
 * here at once; one made on another node (a changed email) shows in this node's tokens only after
 * the TTL. Password checks always read the row, so a changed password counts at once everywhere.
 */
public final class JdbcUserDirectory implements UserDirectory {
    public static final String DEFAULT_REALM = "Username-Password-Authentication";
    /** How long a node trusts a user profile it read by id. */
    public static final Duration DEFAULT_PROFILE_CACHE_TTL = ProfileCache.DEFAULT_TTL;

    private static final ProfileRows PROFILES = new ProfileRows("");
    private static final AccountRows ROWS = new AccountRows("");

    private final Handles handles;
    private final PasswordVerifier passwords;
    private final PasswordUpgrade upgrades;
    private final ProfileCache profiles;
    private final UserUpsert upserts;
    private final HashImport imports;

    public JdbcUserDirectory(Handles handles, PasswordHashing hashing, SecureRandom random, Clock clock) {
        this(handles, new Argon2idHasher(hashing, random), random, clock, DEFAULT_PROFILE_CACHE_TTL, System::nanoTime);
    }

    /**
     * @param hasher new hashes use its parameters, and it bounds how many hashes run at once
     * @param ticker monotonic nanoseconds for the profile cache's expiry ({@code System::nanoTime})
     */
    public JdbcUserDirectory(Handles handles, Argon2idHasher hasher, SecureRandom random, Clock clock,
                             Duration profileCacheTtl, LongSupplier ticker) {
        this(handles, hasher, random, clock, new ProfileCache(profileCacheTtl, ticker));
    }

    /** @param profiles this node's profile cache, shared with the login state's join that warms it */
    public JdbcUserDirectory(Handles handles, Argon2idHasher hasher, SecureRandom random, Clock clock,
                             ProfileCache profiles) {
        this.handles = handles;
        this.passwords = new PasswordVerifier(hasher);
        this.upgrades = new PasswordUpgrade(handles, hasher);
        this.profiles = profiles;
        this.upserts = new UserUpsert(handles, hasher, random, clock);
        this.imports = new HashImport(handles, random, clock);
    }

    @Override
    public Option<User> authenticate(Option<String> realm, String username, String password) {
        long stamp = profiles.stamp();
        Option<Account> account = username == null ? Option.none() : findByLogin(realm.getOrElse(DEFAULT_REALM), username);
        String presented = password == null ? "" : password;
        Verdict verdict = passwords.check(presented, account.map(Account::passwordHash));
        if (verdict == Verdict.DOES_NOT_MATCH) {
            return Option.none();
        }
        if (verdict == Verdict.MATCHES_OUTDATED) {
            upgrades.rehash(account.get().user().id(), account.get().passwordHash(), presented);
        }
        // The row was just read: its profile serves the token issuance that follows the second factor.
        User user = account.get().user();
        profiles.remember(user, stamp);
        return Option.some(user);
    }

    @Override
    public Option<User> findById(UserId id) {
        return profiles.get(id, this::loadProfile);
    }

    /** Forgets every cached profile, so the next look-ups read the table (after a change made outside this directory). */
    public void clearCache() {
        profiles.clear();
    }

    private Option<User> loadProfile(UserId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery(
                        "SELECT id, username, email, blocked FROM users WHERE id = :id")
                .bind("id", id.value())
                .map(PROFILES)
                .findOne()));
    }

    /** Creates the user or brings it up to date ({@link UserUpsert}); this node forgets the old profile at once. */
    public UserId upsertUser(String realm, String username, Option<String> email, String password) {
        UserId saved = upserts.upsert(realm, username, email, password);
        profiles.invalidate(saved);
        return saved;
    }

    /**
     * Creates a user with a hash made elsewhere ({@link io.twofold.mfa.jdbc.users.hashes.Auth0PasswordHashes},
     * {@link io.twofold.mfa.jdbc.users.hashes.KeycloakPasswordHashes}); with {@code upsert}, an existing
     * user (same realm and username, any case) gets this hash and email instead of a refusal.
     */
    public Either<String, ImportedUser> importUser(String realm, String username, Option<String> email, StoredHash hash,
                                                   boolean upsert) {
        Either<String, ImportedUser> imported = imports.importUser(realm, username, email, hash, upsert);
        imported.forEach(user -> profiles.invalidate(user.id()));
        return imported;
    }

    @Override
    public String accountKey(Option<String> realm, String login) {
        String resolvedRealm = realm.getOrElse(DEFAULT_REALM);
        String key = login == null ? "" : AccountRows.loginKey(login);
        // The same look-up as authenticate's, so every spelling that logs in as a user counts as that user.
        return (login == null ? Option.<Account>none() : findByLogin(resolvedRealm, login))
                .map(account -> "user:" + account.user().id().value())
                .getOrElse(() -> "login:" + resolvedRealm + "\u0000" + key);
    }

    private Option<Account> findByLogin(String realm, String login) {
        // A username match wins over another user's email that happens to read the same.
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery("SELECT * FROM users"
                        + " WHERE realm = :realm AND (login_key = :login OR email_key = :login)"
                        + " ORDER BY CASE WHEN login_key = :login THEN 0 ELSE 1 END, created_at, id")
                .bind("realm", realm)
                .bind("login", AccountRows.loginKey(login))
                .map(ROWS)
                .findFirst()));
    }

}
