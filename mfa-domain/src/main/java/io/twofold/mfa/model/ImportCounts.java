package io.twofold.mfa.model;

/** Auth0's job summary: users inserted, updated and refused, out of the users the file held. */
public record ImportCounts(int inserted, int updated, int failed, int total) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);
}
