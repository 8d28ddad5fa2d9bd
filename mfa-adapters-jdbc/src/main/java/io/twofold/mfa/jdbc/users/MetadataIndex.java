package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.UserProfile;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.List;
import java.util.Map;

/**
 * The searchable copy of a user's metadata in {@code user_metadata_values}: each top-level string,
 * number or boolean, and each such element of a top-level array, one row. Rewritten with every
 * write of the profile, in the same transaction.
 */
final class MetadataIndex {
    private static final int MAX_KEY = 255;
    private static final int MAX_VALUE = 512;

    private MetadataIndex() {
    }

    static void write(Handle handle, UserProfile profile) {
        handle.createUpdate("DELETE FROM user_metadata_values WHERE user_id = :id").bind("id", profile.id().value()).execute();
        PreparedBatch batch = handle.prepareBatch("INSERT INTO user_metadata_values (user_id, bag, meta_key, meta_value)"
                + " VALUES (:id, :bag, :key, :value)");
        add(batch, profile, "user", profile.userMetadata());
        add(batch, profile, "app", profile.appMetadata());
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static void add(PreparedBatch batch, UserProfile profile, String bag, Metadata metadata) {
        for (Map.Entry<String, Object> entry : metadata.values().entrySet()) {
            if (entry.getKey().length() > MAX_KEY) {
                continue;
            }
            Object value = entry.getValue();
            List<?> values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
            for (Object element : values) {
                if (element instanceof String || element instanceof Number || element instanceof Boolean) {
                    String text = element.toString();
                    if (text.length() <= MAX_VALUE) {
                        batch.bind("id", profile.id().value()).bind("bag", bag).bind("key", entry.getKey())
                                .bind("value", text).add();
                    }
                }
            }
        }
    }
}
