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

    /** Three statements (the last completes the transaction and writes its audit row) and the COMMIT: four round trips. */
    @Override
    protected List<String> expectedStatements() {
        return List.of("SELECT mfa_transactions", "UPDATE authenticators", "WITH audit_events");
    }
}
