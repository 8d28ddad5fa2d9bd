package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * A bulk import of a users file into one connection, as every node reads it from the store: where it
 * stands, what it was asked to do, and how many users it has taken or refused so far. A failed job
 * says why in {@code failure} (the file as a whole could not be read, its node died).
 */
public record ImportJob(ImportJobId id, Status status, String connection, UsersFileFormat format, boolean upsert,
                        Option<String> externalId, ImportCounts counts, Option<String> failure, Instant createdAt) {

    /** Auth0's job states: {@code pending} → {@code processing} → {@code completed} or {@code failed}. */
    public enum Status {
        PENDING, PROCESSING, COMPLETED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }

    /** A new job, pending, nothing counted yet. */
    public static ImportJob pending(ImportJobId id, String connection, UsersFileFormat format, boolean upsert,
                                    Option<String> externalId, Instant createdAt) {
        return new ImportJob(id, Status.PENDING, connection, format, upsert, externalId, ImportCounts.NONE,
                Option.none(), createdAt);
    }
}
