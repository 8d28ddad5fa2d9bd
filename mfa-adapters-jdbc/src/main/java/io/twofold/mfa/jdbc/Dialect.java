package io.twofold.mfa.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Which of the two supported databases a JDBC url reaches, and what SQL that allows beyond the common subset. */
enum Dialect {
    /** H2 in PostgreSQL mode, the embedded default; any url not PostgreSQL's is taken for it. */
    H2(false),
    /** PostgreSQL, or an engine reached through its driver. */
    POSTGRESQL(true);

    /** The H2 settings the migrations are written for. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final boolean writableWith;

    Dialect(boolean writableWith) {
        this.writableWith = writableWith;
    }

    /** The dialect of {@code url}; refuses an H2 url without PostgreSQL mode, before any connection is made. */
    static Dialect of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        // The migrations and statements use PostgreSQL syntax (ON CONFLICT, BYTEA) that H2 accepts only in this mode.
        if (lower.startsWith("jdbc:h2:") && !(lower.contains(";mode=postgresql") && lower.contains(";database_to_lower=true"))) {
            throw new IllegalArgumentException("an H2 url must end with " + H2_OPTIONS + " (see JdbcStorage.h2FileUrl)");
        }
        return lower.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    /**
     * The dialect of the database a connection reaches (a host's DataSource has no url of ours to read;
     * H2 reports its url without the settings): PostgreSQL by its driver's url, H2 only in the mode
     * the migrations need, anything else refused.
     */
    static Dialect of(Connection connection) throws SQLException {
        String url = String.valueOf(connection.getMetaData().getURL()).toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            throw new IllegalArgumentException("the JDBC stores run on PostgreSQL or on H2 in PostgreSQL mode, not on "
                    + connection.getMetaData().getDatabaseProductName());
        }
        try (Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("SELECT LOWER(setting_name) || '=' || LOWER(setting_value)"
                     + " FROM information_schema.settings WHERE setting_name IN ('MODE', 'DATABASE_TO_LOWER')")) {
            StringBuilder found = new StringBuilder();
            while (settings.next()) {
                found.append(';').append(settings.getString(1));
            }
            return of("jdbc:h2:" + found);
        }
    }

    /** Whether an UPDATE may run inside WITH and feed another statement: one round trip instead of two. */
    boolean writableWith() {
        return writableWith;
    }
}
