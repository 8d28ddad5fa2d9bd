package io.twofold.mfa.app.imports;

import io.vavr.control.Option;

/**
 * One reason a user (or the whole file) was refused, as Auth0's job errors carry it: a code
 * ({@code DUPLICATED_USER}, {@code INVALID_FORMAT}, {@code MFA_FACTORS_FAILED}, ...), a message that
 * names no secret, and the path of the member at fault when there is one.
 */
public record ImportError(String code, String message, Option<String> path) {
    /** The user exists already (in the database without upsert, or earlier in the same file). */
    public static final String DUPLICATED_USER = "DUPLICATED_USER";
    /** A member is missing, unknown, of the wrong type or value (a password hash in no scheme Twofold knows too). */
    public static final String INVALID_FORMAT = "INVALID_FORMAT";
    /** A member of {@code mfa_factors} could not be imported (the user is then not written at all). */
    public static final String MFA_FACTORS_FAILED = "MFA_FACTORS_FAILED";
    /** The file, or one user in it, is over a limit. */
    public static final String TOO_LARGE = "TOO_LARGE";
    /** The file is not JSON, or not the format asked for; or it breaks off mid-way. */
    public static final String INVALID_FILE = "INVALID_FILE";
    /** The database refused the user's rows for a reason the checks did not foresee; its transaction rolled back. */
    public static final String WRITE_FAILED = "WRITE_FAILED";

    public static ImportError of(String code, String message) {
        return new ImportError(code, message, Option.none());
    }

    public static ImportError at(String path, String code, String message) {
        return new ImportError(code, message, Option.some(path));
    }
}
