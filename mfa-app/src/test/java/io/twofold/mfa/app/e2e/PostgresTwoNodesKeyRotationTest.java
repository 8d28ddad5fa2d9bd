package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Two nodes on one Postgres database, a signing key rotated under them. */
class PostgresTwoNodesKeyRotationTest extends AbstractTwoNodesKeyRotationTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
