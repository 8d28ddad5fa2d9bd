package io.twofold.mfa.memory;

import io.twofold.mfa.contract.RefreshTokenStoreContract;
import io.twofold.mfa.port.out.RefreshTokenStore;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
    @Override
    protected RefreshTokenStore newStore() {
        return new InMemoryRefreshTokenStore();
    }
}
