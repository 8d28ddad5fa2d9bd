package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/**
 * The send limits end to end on PostgreSQL, in a schema of their own. Skipped with a message when
 * there is no PostgreSQL, unless {@code MFA_TEST_REQUIRE_POSTGRES=true} (see {@link TestDatabases}).
 */
class PostgresSendLimitsTest extends AbstractSendLimitsTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
