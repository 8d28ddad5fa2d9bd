package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresImportedPasswordsTest extends ImportedPasswordsTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return DB;
    }
}
