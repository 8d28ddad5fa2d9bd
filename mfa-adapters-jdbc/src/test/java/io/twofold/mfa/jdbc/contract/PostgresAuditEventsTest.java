package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.AuditEventsContract;
import io.twofold.mfa.jdbc.JdbcAuditLog;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuditEventsTest extends AuditEventsContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected Log newLog() {
        JdbcAuditLog log = DB.storage().auditLog();
        return new Log(log, log);
    }
}
