package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.AttemptBucket;

import java.sql.SQLException;

/** Reads an {@code attempt_buckets} row back into a versioned token bucket. */
final class BucketRows extends TableRows<AttemptBucket> {
    BucketRows(String prefix) {
        super(prefix);
    }

    @Override
    protected AttemptBucket map(Columns row) throws SQLException {
        return new AttemptBucket(row.text("bucket_key"), row.integer("tokens"), row.instant("refilled_at"),
                row.integer("consecutive_failures"), row.bigint("bucket_version"));
    }
}
