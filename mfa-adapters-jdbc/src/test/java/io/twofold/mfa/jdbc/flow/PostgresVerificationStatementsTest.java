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
     * to the user (this user's first, so the bucket is inserted) in one statement before the code is
     * checked; the replay compare-and-set; the user's charge given back for the right code in one
     * statement with the completion and its two audit rows. Five and the COMMIT.
     */
    @Override
    protected List<String> expectedStatements() {
        // The client's secret is read on every grant (a rotated secret dies at once on every node); the
        // operator's factor switches come with the login state (subqueries of its join, never cached); the
        // grant's success and the factor's own (gd_auth_succeed) are one multi-row insert.
        return List.of("SELECT clients", "SELECT mfa_transactions", "WITH mfa_transactions",
                "UPDATE authenticators", "WITH attempt_buckets");
    }
}
