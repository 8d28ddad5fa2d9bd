package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The metrics flow on PostgreSQL (skipped with a message without one, see {@link TestDatabases}). */
class PostgresMetricsTest extends AbstractMetricsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
