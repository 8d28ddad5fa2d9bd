package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPrivateKeyClientsTest extends PrivateKeyClientsTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return DB;
    }
}
