package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Clients, client grants, APIs and machine tokens on H2. */
class H2ClientsApiTest extends AbstractClientsApiTest {
    private TestDatabase database;

    @Override
    TestDatabase database() {
        database = TestDatabases.h2();
        return database;
    }

    @Override
    TestDatabase e2eDatabase() {
        return database;
    }
}
