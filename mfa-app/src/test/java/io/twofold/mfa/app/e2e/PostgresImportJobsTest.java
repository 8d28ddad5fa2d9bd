package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Bulk import jobs end to end on PostgreSQL. */
class PostgresImportJobsTest extends AbstractImportJobsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
