package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ResealTest extends ResealTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return DB;
    }
}
