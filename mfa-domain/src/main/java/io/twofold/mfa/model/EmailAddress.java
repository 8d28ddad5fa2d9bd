package io.twofold.mfa.model;

import io.vavr.control.Either;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, kept as given but for surrounding blanks. */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    public static Either<String, EmailAddress> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left("email is required");
        }
        String trimmed = raw.strip();
        return trimmed.length() <= 254 && SHAPE.matcher(trimmed).matches()
                ? Either.right(new EmailAddress(trimmed))
                : Either.left("email is not a valid email address");
    }

    /** The display name the API shows: first letter of the local part, the rest starred. */
    public String masked() {
        int at = value.indexOf('@');
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        int dot = domain.lastIndexOf('.');
        String host = domain.substring(0, dot);
        return value.charAt(0) + "*".repeat(Math.max(3, at - 1)) + "@"
                + host.charAt(0) + "*".repeat(host.length() - 1) + domain.substring(dot);
    }

    @Override
    public String toString() {
        return masked();
    }
}
