package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** A user's factors through the Management API on PostgreSQL, in a schema of its own. */
class PostgresFactorsApiTest extends AbstractFactorsApiTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
