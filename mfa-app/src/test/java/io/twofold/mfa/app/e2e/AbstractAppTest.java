package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One real app per test class, on the database the subclass picks, with the fixture's tenant. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAppTest {
    @TempDir
    static Path dir;

    private E2eApp e2e;
    WebhookRecorder webhook;
    MutableClock clock;
    RunningApp app;
    ApiClient api;

    /** A fresh, empty database for this class. */
    abstract TestDatabase database();

    @BeforeAll
    void startApp() {
        e2e = E2eApp.start(dir, database());
        webhook = e2e.webhook;
        clock = e2e.clock;
        app = e2e.app;
        api = e2e.api;
    }

    /** The database this class's app runs on (for a second node on the same one). */
    TestDatabase testDatabase() {
        return e2e.database;
    }

    /** A Management API token with these scopes ({@link E2eApp#managementToken}). */
    String managementToken(String... scopes) {
        return e2e.managementToken(scopes);
    }

    @AfterAll
    void stopApp() {
        if (e2e != null) {
            e2e.close();
        }
    }
}
