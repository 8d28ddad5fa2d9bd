package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AttemptBucket;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an {@code attempt_buckets} row back into a versioned token bucket. */
final class BucketRows implements RowMapper<AttemptBucket> {
    private final String prefix;

    BucketRows() {
        this("");
    }

    /** Reads the columns named {@code prefix} + column name: the table joined into another query. */
    BucketRows(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public AttemptBucket map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AttemptBucket(
                rs.getString(prefix + "bucket_key"),
                rs.getInt(prefix + "tokens"),
                Sql.instant(rs, prefix + "refilled_at"),
                rs.getInt(prefix + "consecutive_failures"),
                rs.getLong(prefix + "bucket_version"));
    }
}
