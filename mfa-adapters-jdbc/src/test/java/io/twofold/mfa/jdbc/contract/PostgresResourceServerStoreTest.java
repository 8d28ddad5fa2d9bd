package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.ResourceServerStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.ResourceServerStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresResourceServerStoreTest extends ResourceServerStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected ResourceServerStore newStore() {
        return DB.storage().resourceServers();
    }
}
