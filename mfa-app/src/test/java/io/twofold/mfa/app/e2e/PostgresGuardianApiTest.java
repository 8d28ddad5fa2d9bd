package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The guardian factors and policies API on Postgres. */
class PostgresGuardianApiTest extends AbstractGuardianApiTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
