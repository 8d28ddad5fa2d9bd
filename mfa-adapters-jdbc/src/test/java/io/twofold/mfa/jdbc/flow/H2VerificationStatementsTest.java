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
        return List.of("SELECT clients", "SELECT mfa_transactions", "UPDATE mfa_transactions", "INSERT attempt_buckets",
                "UPDATE authenticators", "UPDATE attempt_buckets", "UPDATE mfa_transactions", "INSERT audit_events");
    }
}
