package io.twofold.mfa.memory;

import io.twofold.mfa.contract.ClientGrantStoreContract;
import io.twofold.mfa.port.out.ClientGrantStore;

class InMemoryClientGrantStoreTest extends ClientGrantStoreContract {
    @Override
    protected ClientGrantStore newStore() {
        return new InMemoryClientGrantStore();
    }
}
