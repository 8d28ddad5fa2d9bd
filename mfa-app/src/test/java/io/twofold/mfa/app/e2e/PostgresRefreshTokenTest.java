package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Refresh tokens end to end on Postgres. */
class PostgresRefreshTokenTest extends AbstractRefreshTokenTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
