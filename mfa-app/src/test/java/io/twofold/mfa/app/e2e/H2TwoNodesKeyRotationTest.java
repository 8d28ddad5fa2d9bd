package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Two nodes on one H2 database, a signing key rotated under them. */
class H2TwoNodesKeyRotationTest extends AbstractTwoNodesKeyRotationTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
