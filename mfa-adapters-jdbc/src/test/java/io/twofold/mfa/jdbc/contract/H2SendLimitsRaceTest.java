package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.SendLimitsRaceContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.AttemptCounterStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2SendLimitsRaceTest extends SendLimitsRaceContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected AttemptCounterStore newStore() {
        return DB.storage().attemptCounters();
    }
}
