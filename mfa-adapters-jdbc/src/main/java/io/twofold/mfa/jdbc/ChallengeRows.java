package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;

import java.sql.SQLException;

/** Reads an {@code oob_challenges} row back into an out-of-band challenge. */
final class ChallengeRows extends TableRows<OobChallenge> {
    ChallengeRows(String prefix) {
        super(prefix);
    }

    @Override
    protected OobChallenge map(Columns row) throws SQLException {
        return new OobChallenge(
                new ChallengeId(row.text("id")),
                new SecretHash(row.text("code_hash")),
                new SecretHash(row.text("binding_hash")),
                AuthenticatorId.parse(row.text("authenticator_id"))
                        .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database")),
                new UserId(row.text("user_id")),
                row.instant("created_at"),
                row.instant("expires_at"),
                row.integer("failed_attempts"),
                row.bool("consumed"));
    }
}
