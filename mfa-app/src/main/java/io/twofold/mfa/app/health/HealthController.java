package io.twofold.mfa.app.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** {@code GET /health}: UP when a database connection can be had and answers, DOWN (503) otherwise. */
@Controller("/health")
public class HealthController {
    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public HealthController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, String>> health() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return HttpResponse.ok(Map.of("status", "UP"));
            }
            LOG.warn("health check: the database connection is not valid");
        } catch (SQLException e) {
            // The SQL state says enough; the message may carry a URL or user name.
            LOG.warn("health check: no database connection (SQL state {})", e.getSQLState());
        }
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", "DOWN"));
    }
}
