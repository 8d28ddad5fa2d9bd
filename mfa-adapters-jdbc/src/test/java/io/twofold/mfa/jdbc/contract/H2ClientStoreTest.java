package io.twofold.mfa.jdbc.contract;

import io.twofold.mfa.contract.ClientStoreContract;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.ClientStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ClientStoreTest extends ClientStoreContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected ClientStore newStore() {
        return DB.storage().clientStore();
    }

    @Override
    protected ClientRegistry registry() {
        return DB.storage().clients();
    }
}
