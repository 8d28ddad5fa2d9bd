package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

import java.sql.SQLException;

/** Reads an {@code mfa_transactions} row back into an MFA transaction. */
final class TransactionRows extends TableRows<MfaTransaction> {
    TransactionRows(String prefix) {
        super(prefix);
    }

    @Override
    protected MfaTransaction map(Columns row) throws SQLException {
        return new MfaTransaction(
                new TransactionId(row.text("id")),
                new SecretHash(row.text("token_hash")),
                new UserId(row.text("user_id")),
                new ClientId(row.text("client_id")),
                Option.of(row.text("audience")),
                Scope.parse(row.text("scope")),
                Option.of(row.text("realm")),
                row.instant("created_at"),
                row.instant("expires_at"),
                row.integer("failed_attempts"),
                row.bool("completed"));
    }
}
