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
     * The client; the login state with the factor switches; the attempt charged to the transaction and
     * to the user (this user's first, so the bucket is inserted) before the code is checked; the replay
     * compare-and-set; the user's charge given back for the right code; the completion with its two
     * audit rows. Seven and the COMMIT.
     */
    @Override
    protected List<String> expectedStatements() {
        // The client's secret is read on every grant (a rotated secret dies at once on every node); the
        // operator's factor switches come with the login state (subqueries of its join, never cached); the
        // grant's success and the factor's own (gd_auth_succeed) are one multi-row insert.
        return List.of("SELECT clients", "SELECT mfa_transactions", "UPDATE mfa_transactions",
                "INSERT attempt_buckets", "UPDATE authenticators", "UPDATE attempt_buckets", "WITH audit_events");
    }
}
