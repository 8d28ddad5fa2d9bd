package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.testing.MutableClock;

import java.nio.file.Path;

/**
 * The real app on a test database, with the webhook that catches its codes, the hand-moved clock it
 * runs on and a client for its socket; closing it stops all of them. One per test class.
 */
final class E2eApp implements AutoCloseable {
    final TestDatabase database;
    final WebhookRecorder webhook;
    final MutableClock clock;
    final RunningApp app;
    final ApiClient api;

    private E2eApp(TestDatabase database, WebhookRecorder webhook, MutableClock clock, RunningApp app) {
        this.database = database;
        this.webhook = webhook;
        this.clock = clock;
        this.app = app;
        this.api = app.client();
    }

    /** Starts the app with the fixture's bootstrap file and data directory under {@code dir}. */
    static E2eApp start(Path dir, TestDatabase database) {
        WebhookRecorder webhook = new WebhookRecorder();
        MutableClock clock = E2eFixture.clock();
        try {
            return new E2eApp(database, webhook, clock, RunningApp.start(E2eFixture.properties(dir, webhook, database), clock));
        } catch (RuntimeException e) {
            webhook.close();
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        app.close();
        webhook.close();
        database.close();
    }
}
