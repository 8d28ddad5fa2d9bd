package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.AuthenticatorStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.AuthenticatorStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuthenticatorStoreTest extends AuthenticatorStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected AuthenticatorStore newStore() {
        return DB.storage().authenticators();
    }
}
