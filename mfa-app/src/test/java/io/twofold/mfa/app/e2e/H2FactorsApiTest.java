package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** A user's factors through the Management API on H2 (in memory, PostgreSQL mode). */
class H2FactorsApiTest extends AbstractFactorsApiTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
