package io.twofold.mfa.jdbc.flow;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

class H2VerificationStatementsTest extends VerificationStatementsContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected JdbcStorage storage() {
        return DB.storage();
    }

    /** H2 has no data-modifying WITH: the completion and its audit rows are two statements, run in process. */
    @Override
    protected List<String> expectedStatements() {
        // The client's secret is read on every grant (a rotated secret dies at once on every node); the
        // operator's factor switches come with the login state (subqueries of its join, never cached); the
        // grant's success and the factor's own (gd_auth_succeed) are one multi-row insert.
        return List.of("SELECT clients", "SELECT mfa_transactions", "UPDATE mfa_transactions",
                "INSERT attempt_buckets", "UPDATE authenticators", "UPDATE attempt_buckets", "UPDATE mfa_transactions",
                "INSERT audit_events");
    }
}
