package io.twofold.mfa.memory;

import io.twofold.mfa.contract.UsedAssertionStoreContract;
import io.twofold.mfa.port.out.UsedAssertionStore;

class InMemoryUsedAssertionsTest extends UsedAssertionStoreContract {
    @Override
    protected UsedAssertionStore newStore() {
        return new InMemoryUsedAssertions();
    }
}
