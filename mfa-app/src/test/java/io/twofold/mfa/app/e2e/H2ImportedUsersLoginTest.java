package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Imported users logging in over the socket, on H2. */
class H2ImportedUsersLoginTest extends AbstractImportedUsersLoginTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
