package io.twofold.mfa.jdbc.tx;

import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small bridges between the model's types and JDBC that both H2 and PostgreSQL understand. */
public final class Sql {
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** An instant bound as a UTC {@code TIMESTAMP WITH TIME ZONE}, independent of the JVM's zone. */
    public static Argument at(Instant instant) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, utc);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the failure, or one of its causes, is a unique-key violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
