package io.twofold.mfa.jdbc.flow;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

class PostgresVerificationStatementsTest extends VerificationStatementsContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected JdbcStorage storage() {
        return DB.storage();
    }

    /**
     * The login state; the attempt charged to the transaction and to the user (this user's first,
     * so the bucket is inserted) before the code is checked; the replay compare-and-set; the user's
     * charge given back for the right code; the completion with its audit row. Six and the COMMIT.
     */
    @Override
    protected List<String> expectedStatements() {
        // The operator's factor switches are read on every grant (never cached: a switch holds at once),
        // and the factor's own success (gd_auth_succeed) is recorded beside the grant's (seotpft).
        return List.of("SELECT mfa_transactions", "SELECT factor_settings", "UPDATE mfa_transactions",
                "INSERT attempt_buckets", "UPDATE authenticators", "UPDATE attempt_buckets", "WITH audit_events",
                "INSERT audit_events");
    }
}
