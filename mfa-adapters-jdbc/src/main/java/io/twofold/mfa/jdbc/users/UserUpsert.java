package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.jdbc.users.AccountRows.Account;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/** Creates a user or brings one up to date, as a bootstrap file or the load generator's seeding asks. */
final class UserUpsert {
    private static final AccountRows ROWS = new AccountRows("");

    private final Handles handles;
    private final Argon2idHasher hasher;
    private final SecureRandom random;
    private final Clock clock;

    /** @param clock stamps new users */
    UserUpsert(Handles handles, Argon2idHasher hasher, SecureRandom random, Clock clock) {
        this.handles = handles;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Creates the user, or brings an existing one (same realm and username, any case) up to date;
     * the password is rehashed only when it no longer verifies, so repeated bootstraps are cheap.
     */
    UserId upsert(String realm, String username, Option<String> email, String password) {
        if (realm == null || realm.isBlank() || username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a realm and a username");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " needs a password");
        }
        Option<String> checkedEmail = email.map(raw -> EmailAddress.parse(raw)
                .getOrElseThrow(reason -> new IllegalArgumentException("user " + username + ": " + reason))
                .value());
        return handles.inTransaction(handle -> {
            Option<Account> existing = byUsername(handle, realm, username);
            if (existing.isDefined()) {
                return update(handle, existing.get(), checkedEmail, password);
            }
            UserId id = newId();
            // name and nickname as Auth0 fills them in: from the email, else the username.
            String name = checkedEmail.getOrElse(username);
            int inserted = handle.createUpdate("INSERT INTO users (id, realm, username, login_key, email, email_key,"
                            + " password_hash, created_at, updated_at, name, nickname) VALUES (:id, :realm, :username,"
                            + " :login, :email, :emailKey, :hash, :created, :created, :name, :nickname) ON CONFLICT DO NOTHING")
                    .bind("name", name)
                    .bind("nickname", name.contains("@") ? name.substring(0, name.indexOf('@')) : name)
                    .bind("id", id.value())
                    .bind("realm", realm)
                    .bind("username", username)
                    .bind("login", AccountRows.loginKey(username))
                    .bind("email", checkedEmail.getOrNull())
                    .bind("emailKey", checkedEmail.map(AccountRows::loginKey).getOrNull())
                    .bind("hash", hasher.hash(password))
                    .bind("created", Sql.at(clock.instant()))
                    .execute();
            // Another node bootstrapping the same user at the same moment: its row stands.
            return inserted == 1 ? id : update(handle, byUsername(handle, realm, username).get(), checkedEmail, password);
        });
    }

    private UserId update(Handle handle, Account account, Option<String> email, String password) {
        String hash = hasher.verify(password, account.passwordHash()) ? account.passwordHash() : hasher.hash(password);
        handle.createUpdate("UPDATE users SET email = :email, email_key = :emailKey, password_hash = :hash WHERE id = :id")
                .bind("id", account.user().id().value())
                .bind("email", email.getOrNull())
                .bind("emailKey", email.map(AccountRows::loginKey).getOrNull())
                .bind("hash", hash)
                .execute();
        return account.user().id();
    }

    private static Option<Account> byUsername(Handle handle, String realm, String username) {
        return Option.ofOptional(handle.createQuery("SELECT * FROM users WHERE realm = :realm AND login_key = :login")
                .bind("realm", realm)
                .bind("login", AccountRows.loginKey(username))
                .map(ROWS)
                .findOne());
    }

    private UserId newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return new UserId("auth0|" + HexFormat.of().formatHex(bytes));
    }
}
