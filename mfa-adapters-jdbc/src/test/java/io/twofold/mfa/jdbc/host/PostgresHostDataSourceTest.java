package io.twofold.mfa.jdbc.host;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

class PostgresHostDataSourceTest extends HostDataSourceTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}
