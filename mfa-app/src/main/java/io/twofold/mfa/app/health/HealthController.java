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

/**
 * Health for load balancers and Kubernetes. {@code GET /health/liveness}: the process answers (restart
 * it only if this fails). {@code GET /health/readiness} and {@code GET /health}: ready for traffic,
 * meaning a database connection can be had and answers; the schema was migrated and the signing key
 * loaded before this controller exists (start-up fails otherwise), so they need no check of their
 * own. Not ready is 503 {@code {"status":"DOWN"}}: take the node out of rotation, do not restart it;
 * it comes back by itself when the database does.
 */
@Controller("/health")
public class HealthController {
    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

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
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return HttpResponse.ok(Map.of("status", "UP"));
            }
            LOG.warn("readiness check: the database connection is not valid");
        } catch (SQLException e) {
            // The SQL state says enough; the message may carry a URL or user name.
            LOG.warn("readiness check: no database connection (SQL state {})", e.getSQLState());
        }
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", "DOWN"));
    }
}
