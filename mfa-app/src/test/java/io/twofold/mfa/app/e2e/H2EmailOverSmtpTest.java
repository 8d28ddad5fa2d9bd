package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;

/** Email codes over SMTP on H2. */
class H2EmailOverSmtpTest extends AbstractEmailOverSmtpTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }
}
