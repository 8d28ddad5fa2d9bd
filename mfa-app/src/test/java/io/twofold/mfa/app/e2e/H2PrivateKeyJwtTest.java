package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Private Key JWT end to end on H2. */
class H2PrivateKeyJwtTest extends AbstractPrivateKeyJwtTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
