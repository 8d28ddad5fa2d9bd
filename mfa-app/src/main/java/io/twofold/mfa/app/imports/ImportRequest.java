package io.twofold.mfa.app.imports;

import java.util.Objects;

/**
 * What to import into: the connection (realm) the users log in through, e.g.
 * {@code Username-Password-Authentication}, and whether users that exist already are updated
 * ({@code upsert}) or rejected as {@code DUPLICATED_USER}.
 */
public record ImportRequest(ImportFormat format, String connection, boolean upsert) {
    public ImportRequest {
        Objects.requireNonNull(format, "format");
        if (connection == null || connection.isBlank()) {
            throw new IllegalArgumentException("an import needs a connection");
        }
    }
}
