package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.SigningKeyStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.SigningKeyStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSigningKeyStoreTest extends SigningKeyStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected SigningKeyStore newStore() {
        return DB.storage().signingKeys();
    }
}
