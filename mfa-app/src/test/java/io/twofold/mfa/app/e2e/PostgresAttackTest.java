package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The second-factor attacks on Postgres. */
class PostgresAttackTest extends AbstractAttackTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
