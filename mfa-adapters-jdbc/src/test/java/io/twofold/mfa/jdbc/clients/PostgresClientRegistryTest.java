package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresClientRegistryTest extends ClientRegistryTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return DB;
    }
}
