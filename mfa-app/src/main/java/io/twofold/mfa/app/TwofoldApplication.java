package io.twofold.mfa.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Starts the Twofold server ({@code cli.Launcher}, the jar's entry point, runs commands instead). Everything is wired by hand in {@code io.twofold.mfa.app.wiring}; the
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
            // A configuration mistake has been named already, in the one line "Twofold cannot start: ..."
            // by the factory that found it; anything else gets that line here, from its root cause, not
            // Micronaut's message (the whole bean path, over several lines). The trace is at DEBUG.
            if (!causedBy(e, InvalidConfigurationException.class)) {
                LOG.error("Twofold cannot start: {}", reason(rootCause(e)));
            }
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

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the message (a driver's may run over several), else the failure's name. */
    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
