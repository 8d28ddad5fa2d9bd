package io.twofold.mfa.fake;

import io.twofold.mfa.contract.LoginStateStoreContract;

class InMemoryLoginStateStoreTest extends LoginStateStoreContract {

    @Override
    protected Stores newStores() {
        InMemoryTransactionStore transactions = new InMemoryTransactionStore(new InMemoryAuditLog());
        InMemoryAuthenticatorStore authenticators = new InMemoryAuthenticatorStore();
        InMemoryAttemptCounterStore counters = new InMemoryAttemptCounterStore();
        return new Stores(new InMemoryLoginStateStore(transactions, authenticators, counters), transactions,
                authenticators, counters);
    }
}
