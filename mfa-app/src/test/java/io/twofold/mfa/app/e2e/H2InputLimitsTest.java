package io.twofold.mfa.app.e2e;

import java.nio.file.Path;
import java.util.Map;

/** The input limits on the embedded default: an H2 file database in the data directory (its trace file included). */
class H2InputLimitsTest extends AbstractInputLimitsTest {
    @Override
    Map<String, Object> storage(Path dir) {
        return Map.of();
    }
}
