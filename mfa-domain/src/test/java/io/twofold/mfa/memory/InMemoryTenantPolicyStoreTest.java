package io.twofold.mfa.memory;

import io.twofold.mfa.contract.TenantPolicyStoreContract;
import io.twofold.mfa.port.out.TenantPolicyStore;

class InMemoryTenantPolicyStoreTest extends TenantPolicyStoreContract {

    @Override
    protected TenantPolicyStore newStore() {
        return new InMemoryTenantPolicyStore();
    }
}
