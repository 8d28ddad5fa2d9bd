package io.twofold.mfa.memory;

import io.twofold.mfa.contract.ResourceServerStoreContract;
import io.twofold.mfa.port.out.ResourceServerStore;

class InMemoryResourceServerStoreTest extends ResourceServerStoreContract {
    @Override
    protected ResourceServerStore newStore() {
        return new InMemoryResourceServerStore();
    }
}
