package io.twofold.mfa.http.management.jobs;

/** The largest users file {@code POST /api/v2/jobs/users-imports} takes, in bytes (Auth0's: 500 KB). */
public record ImportUploadLimit(long maxFileBytes) {
    public static final long AUTH0_DEFAULT = 500 * 1024;

    public ImportUploadLimit {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the import file limit must be at least one byte");
        }
    }
}
