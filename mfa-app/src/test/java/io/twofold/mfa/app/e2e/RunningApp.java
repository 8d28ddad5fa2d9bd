package io.twofold.mfa.app.e2e;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.twofold.mfa.testing.MutableClock;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The real application, started with its real wiring on a random port: only the configuration
 * properties and the clock (a {@link MutableClock} registered in place of the wall clock) are the test's.
 */
final class RunningApp implements AutoCloseable {
    static final String ISSUER = "https://twofold.test/";

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private RunningApp(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    static RunningApp start(Map<String, Object> properties, MutableClock clock) {
        Map<String, Object> all = new HashMap<>();
        all.put("micronaut.server.port", -1);
        all.put("twofold.issuer", ISSUER);
        all.putAll(properties);
        ApplicationContext context = ApplicationContext.builder()
                .properties(all)
                .singletons(clock)
                .start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            return new RunningApp(context, server);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    URI uri() {
        return URI.create(server.getScheme() + "://127.0.0.1:" + server.getPort() + "/");
    }

    ApiClient client() {
        return new ApiClient(uri());
    }

    /** A client for an app that speaks HTTPS, trusting what {@code tls} trusts. */
    ApiClient client(SSLContext tls) {
        return new ApiClient(uri(), tls);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        server.stop();
        context.close();
    }
}
