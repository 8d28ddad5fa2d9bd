package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.UsedAssertionStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.UsedAssertionStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2UsedAssertionStoreTest extends UsedAssertionStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected UsedAssertionStore newStore() {
        return DB.storage().usedAssertions();
    }
}
