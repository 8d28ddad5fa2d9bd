package io.twofold.mfa.app.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.wellknown.IssuerMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Health for load balancers and Kubernetes. {@code GET /health/liveness}: the process answers (restart
 * it only if this fails). {@code GET /health/readiness} and {@code GET /health}: ready for traffic,
 * meaning a database connection can be had and answers; the schema was migrated and the signing key
 * loaded before this controller exists (start-up fails otherwise), so they need no check of their
 * own. Not ready is 503 {@code {"status":"DOWN"}}: take the node out of rotation, do not restart it;
 * it comes back by itself when the database does. Readiness answers within {@value #ANSWER_WITHIN_MILLIS} ms
 * whatever the database does: a probe that times out tells a load balancer nothing it can act on quickly.
 */
@Controller("/health")
public class HealthController {
    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    static final long ANSWER_WITHIN_MILLIS = 1500;
    /** Daemon threads: a check still waiting on a dead database never holds the shutdown up. */
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });

    private final DataSource dataSource;

    /** {@code metadata} is asked for so that the signing key has been loaded before health answers. */
    public HealthController(DataSource dataSource, IssuerMetadata metadata) {
        this.dataSource = dataSource;
    }

    @Get("/liveness")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, String>> liveness() {
        return HttpResponse.ok(Map.of("status", "UP"));
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, String>> health() {
        return readiness();
    }

    @Get("/readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, String>> readiness() {
        boolean up;
        try {
            // The pool waits MFA_DB_POOL_TIMEOUT for a connection while the database is away: not here.
            up = CompletableFuture.supplyAsync(this::databaseAnswers, CHECKS).get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("readiness check: the database did not answer within {} ms", ANSWER_WITHIN_MILLIS);
            up = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
        } catch (ExecutionException e) {
            up = false;
        }
        return up ? HttpResponse.ok(Map.of("status", "UP"))
                : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return true;
            }
            LOG.warn("readiness check: the database connection is not valid");
        } catch (SQLException e) {
            // The SQL state says enough; the message may carry a URL or user name.
            LOG.warn("readiness check: no database connection (SQL state {})", e.getSQLState());
        }
        return false;
    }
}
