package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.jdbc.users.AccountRows.Account;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The statements that the bootstrap's upsert ({@link UserUpsert}) and the hash import ({@link HashImport})
 * share: a new id, the look-up by username, the insert that a concurrent node may win, the update of
 * email and hash. How the hash is made is theirs.
 */
final class UserRowWrites {
    private static final AccountRows ROWS = new AccountRows("");

    private UserRowWrites() {
    }

    /** {@code auth0|} and 24 hex digits, Auth0's shape for a database connection's users. */
    static UserId newId(SecureRandom random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return new UserId("auth0|" + HexFormat.of().formatHex(bytes));
    }

    static Option<Account> byUsername(Handle handle, String realm, String username) {
        return Option.ofOptional(handle.createQuery("SELECT * FROM users WHERE realm = :realm AND login_key = :login")
                .bind("realm", realm)
                .bind("login", AccountRows.loginKey(username))
                .map(ROWS)
                .findOne());
    }

    /**
     * Inserts the user unless a row with the same login is there already (another node bootstrapping or
     * importing the same user at the same moment): whether this call inserted it. Name and nickname as
     * Auth0 fills them in: from the email, else the username.
     */
    static boolean insert(Handle handle, UserId id, String realm, String username, Option<String> email,
                          String passwordHash, Instant created) {
        String name = email.getOrElse(username);
        return handle.createUpdate("INSERT INTO users (id, realm, username, login_key, email, email_key,"
                        + " password_hash, created_at, updated_at, name, nickname) VALUES (:id, :realm, :username,"
                        + " :login, :email, :emailKey, :hash, :created, :created, :name, :nickname) ON CONFLICT DO NOTHING")
                .bind("name", name)
                .bind("nickname", name.contains("@") ? name.substring(0, name.indexOf('@')) : name)
                .bind("id", id.value())
                .bind("realm", realm)
                .bind("username", username)
                .bind("login", AccountRows.loginKey(username))
                .bind("email", email.getOrNull())
                .bind("emailKey", email.map(AccountRows::loginKey).getOrNull())
                .bind("hash", passwordHash)
                .bind("created", Sql.at(created))
                .execute() == 1;
    }

    static void updateEmailAndHash(Handle handle, UserId id, Option<String> email, String passwordHash) {
        handle.createUpdate("UPDATE users SET email = :email, email_key = :emailKey, password_hash = :hash WHERE id = :id")
                .bind("id", id.value())
                .bind("email", email.getOrNull())
                .bind("emailKey", email.map(AccountRows::loginKey).getOrNull())
                .bind("hash", passwordHash)
                .execute();
    }
}
