package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;

/**
 * A user the import did not write, and why. {@code index} is the user's position in the file (0 first);
 * {@code user} is the input element with every secret (password hashes, TOTP secrets) redacted.
 */
public record ImportRejection(int index, JsonNode user, List<ImportError> errors) {
}
