package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.RefreshTokenStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.RefreshTokenStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRefreshTokenStoreTest extends RefreshTokenStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected RefreshTokenStore newStore() {
        return DB.storage().refreshTokens();
    }
}
