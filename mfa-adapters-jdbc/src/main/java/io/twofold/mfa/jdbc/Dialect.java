package io.twofold.mfa.jdbc;

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

    /** Whether an UPDATE may run inside WITH and feed another statement: one round trip instead of two. */
    boolean writableWith() {
        return writableWith;
    }
}
