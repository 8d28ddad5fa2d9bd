package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The second-factor attacks on H2. */
class H2AttackTest extends AbstractAttackTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
