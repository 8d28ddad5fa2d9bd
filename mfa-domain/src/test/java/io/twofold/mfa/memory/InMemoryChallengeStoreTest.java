package io.twofold.mfa.memory;

import io.twofold.mfa.contract.ChallengeStoreContract;
import io.twofold.mfa.port.out.ChallengeStore;

class InMemoryChallengeStoreTest extends ChallengeStoreContract {

    @Override
    protected ChallengeStore newStore() {
        return new InMemoryChallengeStore();
    }
}
