package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresResealTest extends ResealTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return DB;
    }
}
