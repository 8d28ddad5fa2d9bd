package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an {@code mfa_transactions} row back into an MFA transaction. */
final class TransactionRows implements RowMapper<MfaTransaction> {
    private final String prefix;

    TransactionRows() {
        this("");
    }

    /** Reads the columns named {@code prefix} + column name: the table joined into another query. */
    TransactionRows(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public MfaTransaction map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MfaTransaction(
                new TransactionId(rs.getString(prefix + "id")),
                new SecretHash(rs.getString(prefix + "token_hash")),
                new UserId(rs.getString(prefix + "user_id")),
                new ClientId(rs.getString(prefix + "client_id")),
                Option.of(rs.getString(prefix + "audience")),
                Scope.parse(rs.getString(prefix + "scope")),
                Option.of(rs.getString(prefix + "realm")),
                Sql.instant(rs, prefix + "created_at"),
                Sql.instant(rs, prefix + "expires_at"),
                rs.getInt(prefix + "failed_attempts"),
                rs.getBoolean(prefix + "completed"));
    }
}
