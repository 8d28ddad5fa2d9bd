package io.twofold.mfa.memory;

import io.twofold.mfa.contract.AttemptCounterStoreContract;
import io.twofold.mfa.port.out.AttemptCounterStore;

class InMemoryAttemptCounterStoreTest extends AttemptCounterStoreContract {

    @Override
    protected AttemptCounterStore newStore() {
        return new InMemoryAttemptCounterStore();
    }
}
