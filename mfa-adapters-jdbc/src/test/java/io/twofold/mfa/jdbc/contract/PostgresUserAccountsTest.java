package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.UserAccountsContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUserAccountsTest extends UserAccountsContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected UserAccounts newStore() {
        return DB.storage().userAccounts();
    }

    @Override
    protected UserDirectory directory() {
        return DB.storage().users();
    }
}
