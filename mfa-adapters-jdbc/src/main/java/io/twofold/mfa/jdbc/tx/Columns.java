package io.twofold.mfa.jdbc.tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One table's columns in the current row, each read as {@code prefix} + column name. */
public final class Columns {
    private final ResultSet rs;
    private final String prefix;

    Columns(ResultSet rs, String prefix) {
        this.rs = rs;
        this.prefix = prefix;
    }

    public String text(String column) throws SQLException {
        return rs.getString(prefix + column);
    }

    public int integer(String column) throws SQLException {
        return rs.getInt(prefix + column);
    }

    public long bigint(String column) throws SQLException {
        return rs.getLong(prefix + column);
    }

    public boolean bool(String column) throws SQLException {
        return rs.getBoolean(prefix + column);
    }

    public byte[] bytes(String column) throws SQLException {
        return rs.getBytes(prefix + column);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE}, or null. */
    public Instant instant(String column) throws SQLException {
        return Sql.instant(rs, prefix + column);
    }
}
