package io.twofold.mfa.memory;

import io.twofold.mfa.contract.ClientStoreContract;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.ClientStore;

class InMemoryClientStoreTest extends ClientStoreContract {
    private InMemoryClientRegistry registry;

    @Override
    protected ClientStore newStore() {
        registry = new InMemoryClientRegistry();
        return new InMemoryClientStore(registry);
    }

    @Override
    protected ClientRegistry registry() {
        return registry;
    }
}
