package io.twofold.mfa.memory;

import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.TransactionStore;

class InMemoryTransactionStoreTest extends TransactionStoreContract {
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    @Override
    protected TransactionStore newStore() {
        return new InMemoryTransactionStore(audit);
    }

    @Override
    protected AttemptCounterStore bucketsBeside() {
        return new InMemoryAttemptCounterStore();
    }

    @Override
    protected long auditedEvents(String type, String transactionId) {
        return audit.eventsOfType(type).count(e -> e.details().get("transaction").contains(transactionId));
    }
}
