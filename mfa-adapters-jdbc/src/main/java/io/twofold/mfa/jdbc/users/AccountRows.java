package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.User;

import java.sql.SQLException;
import java.util.Locale;

/** Reads a whole {@code users} row for a password check: the profile and the password hash. */
final class AccountRows extends TableRows<AccountRows.Account> {
    /** A user's profile and the hash of their password (Argon2id, or a scheme it was imported in). */
    record Account(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Account[" + user + ", passwordHash=<redacted>]";
        }
    }

    AccountRows(String prefix) {
        super(prefix);
    }

    @Override
    protected Account map(Columns row) throws SQLException {
        return new Account(ProfileRows.profile(row), row.text("password_hash"));
    }

    /** What {@code login_key} and {@code email_key} hold: a login as typed, trimmed and in lower case. */
    static String loginKey(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
