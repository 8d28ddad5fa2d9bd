package io.twofold.mfa.app;

import io.micronaut.context.ApplicationContext;
import io.twofold.mfa.app.cli.Commands;
import io.micronaut.runtime.Micronaut;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Starts the Twofold server. Everything is wired by hand in {@code io.twofold.mfa.app.wiring}; the
 * configuration comes from the {@code MFA_*} environment variables (see {@code application.yml}).
 * <p>
 * Started here rather than by {@code Micronaut.start()}, whose shutdown hook stops the event loops
 * (closing every connection, requests in flight included) before anything drains: ours is
 * {@link GracefulShutdown}, which drains first and closes the database pool last.
 */
public final class TwofoldApplication {
    private static final Logger LOG = LoggerFactory.getLogger(TwofoldApplication.class);

    private TwofoldApplication() {
    }

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            int code;
            try (CommandStorage storage = new CommandStorage()) {
                code = Commands.shipped(storage).run(args, System.out, System.err);
            }
            System.exit(code);
            return;
        }
        long started = System.nanoTime();
        ApplicationContext context = Micronaut.build(args)
                .mainClass(TwofoldApplication.class)
                .banner(false)
                .build();
        EmbeddedServer server;
        try {
            context.start();
            server = context.getBean(EmbeddedServer.class);
            server.start();
        } catch (Throwable e) {
            // The factories have logged the one line that says what to fix; this says that it stopped.
            LOG.error("Error starting Micronaut server: {}", e.getMessage());
            LOG.debug("start-up failure", e);
            try {
                context.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            System.exit(1);
            return;
        }
        // By name, not through TwofoldConfiguration: this package must not depend on its sub-packages.
        GracefulShutdown shutdown = new GracefulShutdown(context, server,
                context.getBean(Duration.class, Qualifiers.byName(GracefulShutdown.GRACE)));
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "twofold-shutdown"));
        LOG.info("Startup completed in {}ms. Server Running: {}", (System.nanoTime() - started) / 1_000_000,
                server.getURL());
    }
}
