package io.twofold.mfa.app.e2e;

import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.testing.MutableClock;
import io.vavr.collection.List;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The real app on a test database, with the webhook that catches its codes, the hand-moved clock it
 * runs on and a client for its socket; closing it stops all of them. One per test class.
 */
final class E2eApp implements AutoCloseable {
    /** The acting client of {@link #managementToken}. */
    static final String OPERATOR = "e2e-operator";

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

    /**
     * A machine token of the app's own signing key for the Management API, as the {@code client_credentials}
     * grant would issue it to {@link #OPERATOR} with these scopes: for tests of the operator endpoints
     * that are not about how the token was obtained.
     */
    String managementToken(String... scopes) {
        JwtTokenIssuer tokens = app.bean(JwtTokenIssuer.class);
        return tokens.machineToken(new ClientId(OPERATOR), tokens.settings().managementApiAudience(),
                new Scope(List.of(scopes)), Duration.ofHours(1));
    }

    @Override
    public void close() {
        app.close();
        webhook.close();
        database.close();
    }
}
