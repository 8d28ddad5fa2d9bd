package io.twofold.mfa.app.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.twofold.mfa.jdbc.JdbcStorage;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.SQLException;
import java.time.temporal.ChronoUnit;

/**
 * The database's meters: HikariCP's own ({@code hikaricp_connections_active}, {@code _idle},
 * {@code _pending}, {@code _max}, {@code _acquire_seconds}, {@code _usage_seconds}, ..., labelled
 * with the pool's name, {@code twofold}) through its Micrometer tracker, and the time of every SQL
 * statement through JDBI's {@link SqlLogger} (never the SQL text, which would make a label per query).
 */
final class DatabaseMeters {
    private final MetricsBinding binding;

    DatabaseMeters(MetricsBinding binding) {
        this.binding = binding;
    }

    void bind(JdbcStorage storage) {
        binding.meters().forEach(meters -> {
            if (storage.dataSource() instanceof HikariDataSource pool) {
                // Hikari takes a tracker once, also on a running pool; the server's pool has none.
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters.registry()));
            }
            storage.jdbi().setSqlLogger(new StatementTimer(meters));
        });
    }

    /** Times each statement from JDBI's own execution and completion moments. */
    private record StatementTimer(TwofoldMeters meters) implements SqlLogger {
        @Override
        public void logAfterExecution(StatementContext context) {
            meters.statement("ok", context.getElapsedTime(ChronoUnit.NANOS));
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            meters.statement("error", context.getElapsedTime(ChronoUnit.NANOS));
        }
    }
}
