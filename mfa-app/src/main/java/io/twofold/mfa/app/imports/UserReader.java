package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.jdbc.imports.ImportedAccount;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Turns one user element of a file into the account to write, or every reason it cannot be. */
interface UserReader {

    Either<List<ImportError>, ImportedAccount> read(JsonNode user, String connection);

    /** The element as an error line shows it: every secret (hash, salt, key, seed) replaced. */
    JsonNode redacted(JsonNode user);
}
