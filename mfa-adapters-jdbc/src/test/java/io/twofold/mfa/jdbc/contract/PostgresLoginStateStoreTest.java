package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.LoginStateStoreContract;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresLoginStateStoreTest extends LoginStateStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected Stores newStores() {
        JdbcStorage storage = DB.storage();
        return new Stores(storage.loginStates(), storage.transactions(), storage.authenticators(), storage.attemptCounters(),
                storage.tenantPolicy());
    }
}
