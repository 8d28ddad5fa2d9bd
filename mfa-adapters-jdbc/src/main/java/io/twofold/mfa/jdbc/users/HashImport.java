package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.jdbc.users.AccountRows.Account;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Creates a user with a password hash made elsewhere (an import from Auth0 or Keycloak), or, when
 * asked to upsert, gives an existing one that hash and email. The plain password is never known;
 * the hash is checked in its own scheme at the first login and replaced by Argon2id then.
 */
final class HashImport {
    private static final AccountRows ROWS = new AccountRows("");

    private final Handles handles;
    private final SecureRandom random;
    private final Clock clock;

    /** @param clock stamps new users */
    HashImport(Handles handles, SecureRandom random, Clock clock) {
        this.handles = handles;
        this.random = random;
        this.clock = clock;
    }

    /** A refusal is a reason for the import's error line: it names the user, never the hash. */
    Either<String, ImportedUser> importUser(String realm, String username, Option<String> email, StoredHash hash,
                                            boolean upsert) {
        if (realm == null || realm.isBlank() || username == null || username.isBlank()) {
            return Either.left("a user needs a realm and a username");
        }
        if (hash == null) {
            return Either.left("user " + username + " needs a password hash");
        }
        Either<String, Option<String>> checkedEmail = email.isEmpty() ? Either.right(Option.none())
                : EmailAddress.parse(email.get()).map(address -> Option.some(address.value()))
                        .mapLeft(reason -> "user " + username + ": " + reason);
        return checkedEmail.flatMap(address -> handles.inTransaction(handle -> {
            Option<Account> existing = byUsername(handle, realm, username);
            if (existing.isDefined()) {
                return update(handle, existing.get(), address, hash, upsert);
            }
            UserId id = newId();
            // name and nickname as Auth0 fills them in (V3): from the email, else the username.
            String name = address.getOrElse(username);
            int inserted = handle.createUpdate("INSERT INTO users (id, realm, username, login_key, email, email_key,"
                            + " password_hash, created_at, updated_at, name, nickname) VALUES (:id, :realm, :username,"
                            + " :login, :email, :emailKey, :hash, :created, :created, :name, :nickname) ON CONFLICT DO NOTHING")
                    .bind("name", name)
                    .bind("nickname", name.contains("@") ? name.substring(0, name.indexOf('@')) : name)
                    .bind("id", id.value())
                    .bind("realm", realm)
                    .bind("username", username)
                    .bind("login", AccountRows.loginKey(username))
                    .bind("email", address.getOrNull())
                    .bind("emailKey", address.map(AccountRows::loginKey).getOrNull())
                    .bind("hash", hash.encoded())
                    .bind("created", Sql.at(clock.instant()))
                    .execute();
            // Another node importing the same user at the same moment: its row stands, as an existing user.
            return inserted == 1 ? Either.right(new ImportedUser(id, true))
                    : update(handle, byUsername(handle, realm, username).get(), address, hash, upsert);
        }));
    }

    private static Either<String, ImportedUser> update(Handle handle, Account account, Option<String> email,
                                                       StoredHash hash, boolean upsert) {
        if (!upsert) {
            return Either.left("user " + account.user().username() + " already exists and upsert is false");
        }
        handle.createUpdate("UPDATE users SET email = :email, email_key = :emailKey, password_hash = :hash WHERE id = :id")
                .bind("id", account.user().id().value())
                .bind("email", email.getOrNull())
                .bind("emailKey", email.map(AccountRows::loginKey).getOrNull())
                .bind("hash", hash.encoded())
                .execute();
        return Either.right(new ImportedUser(account.user().id(), false));
    }

    private static Option<Account> byUsername(Handle handle, String realm, String username) {
        return Option.ofOptional(handle.createQuery("SELECT * FROM users WHERE realm = :realm AND login_key = :login")
                .bind("realm", realm)
                .bind("login", AccountRows.loginKey(username))
                .map(ROWS)
                .findOne());
    }

    /** The same shape as a bootstrapped user's id ({@link UserUpsert}): {@code auth0|} and 24 hex digits. */
    private UserId newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return new UserId("auth0|" + HexFormat.of().formatHex(bytes));
    }
}
