package io.twofold.mfa.app.imports;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The import engine on PostgreSQL, in a schema of its own. */
class PostgresUserImporterTest extends AbstractUserImporterTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
