package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.AttemptCounterStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.AttemptCounterStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAttemptCounterStoreTest extends AttemptCounterStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected AttemptCounterStore newStore() {
        return DB.storage().attemptCounters();
    }
}
