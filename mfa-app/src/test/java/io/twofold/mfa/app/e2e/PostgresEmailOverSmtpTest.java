package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Email codes over SMTP on PostgreSQL (skipped with a message when there is none, unless MFA_TEST_REQUIRE_POSTGRES=true). */
class PostgresEmailOverSmtpTest extends AbstractEmailOverSmtpTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
