package io.twofold.mfa.app.imports;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** The import engine on H2 (in memory, PostgreSQL mode). */
class H2UserImporterTest extends AbstractUserImporterTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
