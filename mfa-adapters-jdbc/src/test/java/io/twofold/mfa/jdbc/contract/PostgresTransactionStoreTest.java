package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.jdbc.testing.AuditRowsQuery;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.TransactionStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTransactionStoreTest extends TransactionStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected TransactionStore newStore() {
        return DB.storage().transactions();
    }

    @Override
    protected AttemptCounterStore bucketsBeside() {
        return DB.storage().attemptCounters();
    }

    @Override
    protected long auditedEvents(String type, String transactionId) {
        return AuditRowsQuery.count(DB.storage(), type, transactionId);
    }
}
