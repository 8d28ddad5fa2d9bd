package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.ClientGrantStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.ClientGrantStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresClientGrantStoreTest extends ClientGrantStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected ClientGrantStore newStore() {
        return DB.storage().clientGrants();
    }
}
