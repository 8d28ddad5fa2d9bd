package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.RefreshTokenStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.RefreshTokenStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2RefreshTokenStoreTest extends RefreshTokenStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected RefreshTokenStore newStore() {
        return DB.storage().refreshTokens();
    }
}
