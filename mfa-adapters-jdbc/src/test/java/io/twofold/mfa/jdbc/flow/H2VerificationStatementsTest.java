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

    /** H2 has no data-modifying WITH: completion and audit row are two statements, run in process. */
    @Override
    protected List<String> expectedStatements() {
        // The operator's factor switches are read on every grant (never cached: a switch holds at once),
        // and the factor's own success (gd_auth_succeed) is recorded beside the grant's (seotpft).
        return List.of("SELECT mfa_transactions", "SELECT factor_settings", "UPDATE mfa_transactions",
                "INSERT attempt_buckets", "UPDATE authenticators", "UPDATE attempt_buckets", "UPDATE mfa_transactions", "INSERT audit_events",
                "INSERT audit_events");
    }
}
