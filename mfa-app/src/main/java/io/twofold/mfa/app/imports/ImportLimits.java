package io.twofold.mfa.app.imports;

/**
 * How much one import reads: at most {@code maxUsers} users, each at most {@code maxUserBytes} of
 * JSON. A user over the size is rejected (and skipped without being held in memory); the users past
 * the count are not read, and one error line says so.
 */
public record ImportLimits(int maxUsers, int maxUserBytes) {
    /** A million users of up to 64 KiB each (Auth0 allows 500 KB per file; its users are a few hundred bytes). */
    public static final ImportLimits DEFAULT = new ImportLimits(1_000_000, 64 * 1024);

    public ImportLimits {
        if (maxUsers < 1 || maxUserBytes < 1024) {
            throw new IllegalArgumentException("an import reads at least one user of up to 1 KiB");
        }
    }
}
