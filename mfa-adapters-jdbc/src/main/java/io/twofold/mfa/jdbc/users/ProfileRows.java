package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

import java.sql.SQLException;

/**
 * Reads a profile (id, username, email, blocked; never the password hash) from a {@code users} row.
 * <p>
 * Public only because the login state's join, in the parent package, reads the same columns.
 */
public final class ProfileRows extends TableRows<User> {
    public ProfileRows(String prefix) {
        super(prefix);
    }

    @Override
    protected User map(Columns row) throws SQLException {
        return profile(row);
    }

    /**
     * The profile in a row that may hold more of the table (the password hash, for a password check).
     * A user without a username goes by their email; {@code blocked} is read with the rest, so the
     * password check that reads this row sees a block at once.
     */
    static User profile(Columns row) throws SQLException {
        Option<EmailAddress> email = Option.of(row.text("email")).map(EmailAddress::new);
        String username = Option.of(row.text("username")).getOrElse(() -> email.get().value());
        return new User(new UserId(row.text("id")), username, email, row.bool("blocked"));
    }
}
