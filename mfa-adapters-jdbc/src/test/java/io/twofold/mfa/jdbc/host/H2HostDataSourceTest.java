package io.twofold.mfa.jdbc.host;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

class H2HostDataSourceTest extends HostDataSourceTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}
