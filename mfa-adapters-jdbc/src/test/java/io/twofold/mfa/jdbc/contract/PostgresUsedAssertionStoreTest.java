package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.UsedAssertionStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.UsedAssertionStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUsedAssertionStoreTest extends UsedAssertionStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected UsedAssertionStore newStore() {
        return DB.storage().usedAssertions();
    }
}
