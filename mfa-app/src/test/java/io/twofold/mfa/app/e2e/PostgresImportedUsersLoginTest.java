package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Imported users logging in over the socket, on PostgreSQL. */
class PostgresImportedUsersLoginTest extends AbstractImportedUsersLoginTest {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
