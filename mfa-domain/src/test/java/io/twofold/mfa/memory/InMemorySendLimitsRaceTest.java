package io.twofold.mfa.memory;

import io.twofold.mfa.contract.SendLimitsRaceContract;
import io.twofold.mfa.port.out.AttemptCounterStore;

class InMemorySendLimitsRaceTest extends SendLimitsRaceContract {

    @Override
    protected AttemptCounterStore newStore() {
        return new InMemoryAttemptCounterStore();
    }
}
