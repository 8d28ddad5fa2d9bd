package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.ResourceServerStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.ResourceServerStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ResourceServerStoreTest extends ResourceServerStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected ResourceServerStore newStore() {
        return DB.storage().resourceServers();
    }
}
