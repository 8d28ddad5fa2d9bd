package io.twofold.mfa.memory;

import io.twofold.mfa.contract.SigningKeyStoreContract;
import io.twofold.mfa.port.out.SigningKeyStore;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {

    @Override
    protected SigningKeyStore newStore() {
        return new InMemorySigningKeyStore();
    }
}
