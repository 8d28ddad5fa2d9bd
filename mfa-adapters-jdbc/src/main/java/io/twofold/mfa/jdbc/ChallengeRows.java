package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an {@code oob_challenges} row back into an out-of-band challenge. */
final class ChallengeRows implements RowMapper<OobChallenge> {
    private final String prefix;

    ChallengeRows() {
        this("");
    }

    /** Reads the columns named {@code prefix} + column name: the table joined into another query. */
    ChallengeRows(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public OobChallenge map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OobChallenge(
                new ChallengeId(rs.getString(prefix + "id")),
                new SecretHash(rs.getString(prefix + "code_hash")),
                new SecretHash(rs.getString(prefix + "binding_hash")),
                AuthenticatorId.parse(rs.getString(prefix + "authenticator_id"))
                        .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database")),
                new UserId(rs.getString(prefix + "user_id")),
                Sql.instant(rs, prefix + "created_at"),
                Sql.instant(rs, prefix + "expires_at"),
                rs.getInt(prefix + "failed_attempts"),
                rs.getBoolean(prefix + "consumed"));
    }
}
