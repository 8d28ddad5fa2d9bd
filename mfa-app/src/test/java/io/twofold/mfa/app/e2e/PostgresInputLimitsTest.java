package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

import java.nio.file.Path;
import java.util.Map;

/** The input limits on PostgreSQL, in a schema of its own (skipped without a PostgreSQL, see {@link TestDatabases}). */
class PostgresInputLimitsTest extends AbstractInputLimitsTest {
    private TestDatabase database;

    @Override
    Map<String, Object> storage(Path dir) {
        database = TestDatabases.postgres();
        return Map.of("twofold.db.url", database.url(), "twofold.db.user", database.user(),
                "twofold.db.password", database.password(), "twofold.secret-key", E2eFixture.SEALING_KEY);
    }

    @Override
    void dropStorage() {
        if (database != null) {
            database.close();
        }
    }
}
