package io.twofold.mfa.http.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/** Starts the controllers on a real port over {@link StubPorts}, once per test class. */
abstract class StubbedApiTest {

    static final String MAX_REQUEST_SIZE = "65536";

    static EmbeddedServer server;
    static StubPorts ports;
    static WireClient http;

    @BeforeAll
    static void startServer() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.server.max-request-size", MAX_REQUEST_SIZE), StubPorts.ENV);
        ports = server.getApplicationContext().getBean(StubPorts.class);
        http = new WireClient(server.getURI());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void resetPorts() {
        ports.reset();
    }
}
