package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.jdbc.imports.ImportedAccount;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.util.regex.Pattern;

/** Turns one user element of a file into the account to write, or every reason it cannot be. */
interface UserReader {
    /** A user id of the file: printable ASCII without '|' (it becomes the part after {@code auth0|}). */
    Pattern ID = Pattern.compile("[\\x21-\\x7e&&[^|]]{1,128}");

    /** A TOTP seed holds 80 bits (RFC 4226's minimum) to 512: the same rule for every format. */
    static boolean seedSizeFits(byte[] seed) {
        return seed.length >= 10 && seed.length <= 64;
    }

    Either<List<ImportError>, ImportedAccount> read(JsonNode user, String connection);

    /** The element as an error line shows it: every secret (hash, salt, key, seed) replaced. */
    JsonNode redacted(JsonNode user);
}
