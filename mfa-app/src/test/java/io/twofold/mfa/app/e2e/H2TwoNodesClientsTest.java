package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Two nodes on one H2 database. */
class H2TwoNodesClientsTest extends AbstractTwoNodesClientsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
