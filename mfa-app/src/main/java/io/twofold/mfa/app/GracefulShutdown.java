package io.twofold.mfa.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What SIGTERM does, in this order: stop taking connections and requests, let the requests in flight
 * finish and write their answers (at most {@code grace}, MFA_SHUTDOWN_GRACE), then stop the server and
 * close the context, which closes the database pool. The order is the point: closing the pool (or the
 * event loops) first cuts the requests still running, which then fail with a 500 or get no answer.
 */
public final class GracefulShutdown {
    /** The name of the {@code Duration} bean that holds MFA_SHUTDOWN_GRACE. */
    public static final String GRACE = "shutdown-grace";

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Duration grace;

    GracefulShutdown(ApplicationContext context, EmbeddedServer server, Duration grace) {
        this.context = context;
        this.server = server;
        this.grace = grace;
    }

    void run() {
        long started = System.nanoTime();
        LOG.info("shutting down: no new requests; waiting up to {} s for those in flight", grace.toSeconds());
        drain();
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping the HTTP server failed: {}", e.toString());
        }
        if (context.isRunning()) {
            context.close();
        }
        LOG.info("shut down in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Micronaut's graceful shutdown, in two steps: first the HTTP server, which closes its listening
     * sockets, answers the requests it has (with {@code Connection: close}) and closes each connection
     * once idle; only then the other capable beans (the executors, which finish their running tasks).
     * Together, Micronaut's manager would shut the blocking executor while a request the server had
     * already read was about to be handed to it: that request would fail. Past the grace period the
     * rest is cut.
     */
    private void drain() {
        long deadline = System.nanoTime() + grace.toNanos();
        if (server instanceof GracefulShutdownCapable http && await("requests in flight", http.shutdownGracefully(), deadline)) {
            LOG.info("requests in flight drained");
        }
        List<GracefulShutdownCapable> others = context.getBeansOfType(GracefulShutdownCapable.class).stream()
                .filter(bean -> bean != server).toList();
        await("background tasks", GracefulShutdownCapable.shutdownAll(others.stream()), deadline);
    }

    private boolean await(String what, CompletionStage<?> stage, long deadline) {
        try {
            stage.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warn("{} still running after {} s (MFA_SHUTDOWN_GRACE); stopping anyway", what, grace.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("graceful shutdown of {} failed, stopping anyway: {}", what, e.toString());
        }
        return false;
    }
}
