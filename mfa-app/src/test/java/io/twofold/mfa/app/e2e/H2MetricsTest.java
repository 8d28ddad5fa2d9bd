package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The metrics flow on H2. */
class H2MetricsTest extends AbstractMetricsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
