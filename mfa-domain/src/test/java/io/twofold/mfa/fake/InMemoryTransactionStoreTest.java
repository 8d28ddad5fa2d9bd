package io.twofold.mfa.fake;

import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.port.out.TransactionStore;

class InMemoryTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected TransactionStore newStore() {
        return new InMemoryTransactionStore();
    }
}
