package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Two nodes on one Postgres database. */
class PostgresTwoNodesClientsTest extends AbstractTwoNodesClientsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
