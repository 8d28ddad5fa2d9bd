package io.twofold.mfa.memory;

import io.twofold.mfa.contract.ImportJobStoreContract;
import io.twofold.mfa.port.out.ImportJobStore;

class InMemoryImportJobStoreTest extends ImportJobStoreContract {

    @Override
    protected ImportJobStore newStore() {
        return new InMemoryImportJobStore();
    }
}
