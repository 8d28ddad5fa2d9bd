package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The logs API on H2. */
class H2LogsApiTest extends AbstractLogsApiTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
