package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.ChallengeStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.ChallengeStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresChallengeStoreTest extends ChallengeStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected ChallengeStore newStore() {
        return DB.storage().challenges();
    }
}
