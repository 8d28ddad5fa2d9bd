package io.twofold.mfa.app.imports;

/** Auth0's job summary: users inserted, updated and failed, out of {@code total} read from the file. */
public record ImportSummary(int inserted, int updated, int failed, int total) {
}
