package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a profile (id, username, email; never the password hash) from a {@code users} row. Public
 * only because the login state's join, in the parent package, reads the same columns.
 */
public final class ProfileRows implements RowMapper<User> {
    private final String prefix;

    ProfileRows() {
        this("");
    }

    /** Reads the columns named {@code prefix} + column name: the table joined into another query. */
    public ProfileRows(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(new UserId(rs.getString(prefix + "id")), rs.getString(prefix + "username"),
                Option.of(rs.getString(prefix + "email")).map(EmailAddress::new));
    }
}
