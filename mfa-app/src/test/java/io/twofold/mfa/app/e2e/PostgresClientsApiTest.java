package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Clients, client grants, APIs and machine tokens on Postgres. */
class PostgresClientsApiTest extends AbstractClientsApiTest {
    private TestDatabase database;

    @Override
    TestDatabase database() {
        database = TestDatabases.postgres();
        return database;
    }

    @Override
    TestDatabase e2eDatabase() {
        return database;
    }
}
