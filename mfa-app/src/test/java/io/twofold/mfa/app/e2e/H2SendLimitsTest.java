package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The send limits end to end on H2 (in memory, PostgreSQL mode, as the embedded default runs). */
class H2SendLimitsTest extends AbstractSendLimitsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
