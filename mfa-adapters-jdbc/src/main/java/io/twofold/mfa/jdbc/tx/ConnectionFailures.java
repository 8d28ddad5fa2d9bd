package io.twofold.mfa.jdbc.tx;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure to reach the database (retry later) from a failure of the statement itself (a bug). */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * A connection-class error anywhere in the cause chain: the pool timed out waiting for a
     * connection or is closed, the driver could not connect or lost the connection (SQL state class
     * {@code 08}), or PostgreSQL is shutting down or starting up ({@code 57P01}..{@code 57P03}).
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String state, String message) {
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // HikariCP reports a closed pool without a SQL state.
        return message != null && message.contains("has been closed");
    }
}
