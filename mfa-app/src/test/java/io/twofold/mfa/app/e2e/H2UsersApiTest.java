package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The Management API's users on H2. */
class H2UsersApiTest extends AbstractUsersApiTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
