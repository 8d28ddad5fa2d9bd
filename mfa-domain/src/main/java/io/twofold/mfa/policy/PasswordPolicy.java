package io.twofold.mfa.policy;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.Password;
import io.vavr.control.Either;

/**
 * The rule a new password must pass: at least {@link #MIN_LENGTH} characters (NIST SP 800-63B's
 * floor for a chosen password) and at most {@link #MAX_LENGTH}, the longest password the token
 * endpoint accepts, so every password an operator sets can be used to log in. Argon2id takes far
 * longer inputs; the cap is the login path's, and it bounds the work a request can cause.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /** The password when it passes; the refusal names the rule it broke, never the password. */
    public static Either<OperatorError, Password> check(String raw) {
        if (raw == null) {
            return Either.left(new OperatorError.WeakPassword("a password is required"));
        }
        int length = raw.codePointCount(0, raw.length());
        if (length < MIN_LENGTH) {
            return Either.left(new OperatorError.WeakPassword("shorter than " + MIN_LENGTH + " characters"));
        }
        if (raw.length() > MAX_LENGTH) {
            return Either.left(new OperatorError.WeakPassword("longer than " + MAX_LENGTH + " characters"));
        }
        return Either.right(new Password(raw));
    }
}
