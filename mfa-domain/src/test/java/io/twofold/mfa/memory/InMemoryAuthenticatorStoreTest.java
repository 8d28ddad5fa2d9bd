package io.twofold.mfa.memory;

import io.twofold.mfa.contract.AuthenticatorStoreContract;
import io.twofold.mfa.port.out.AuthenticatorStore;

class InMemoryAuthenticatorStoreTest extends AuthenticatorStoreContract {

    @Override
    protected AuthenticatorStore newStore() {
        return new InMemoryAuthenticatorStore();
    }
}
