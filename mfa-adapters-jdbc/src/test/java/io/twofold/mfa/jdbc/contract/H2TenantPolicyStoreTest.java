package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.TenantPolicyStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.TenantPolicyStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2TenantPolicyStoreTest extends TenantPolicyStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected TenantPolicyStore newStore() {
        return DB.storage().tenantPolicy();
    }
}
