package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The operator story through auth0-java on PostgreSQL. */
class PostgresManagementSdkTest extends AbstractManagementSdkTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
