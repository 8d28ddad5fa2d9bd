package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Refresh tokens end to end on H2. */
class H2RefreshTokenTest extends AbstractRefreshTokenTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
