package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.SigningKeyStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.SigningKeyStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2SigningKeyStoreTest extends SigningKeyStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected SigningKeyStore newStore() {
        return DB.storage().signingKeys();
    }
}
