package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.ImportJobStoreContract;
import io.twofold.mfa.jdbc.jobs.JdbcImportJobStore;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.ImportJobStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresImportJobStoreTest extends ImportJobStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected ImportJobStore newStore() {
        return JdbcImportJobStore.on(DB.storage());
    }
}
