package io.twofold.mfa.model;

import io.vavr.control.Either;

import java.util.regex.Pattern;

/** A phone number in E.164 form ({@code +15551234567}). */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
    }

    /** Strips spaces, dashes, dots and brackets, then requires E.164; the left side says why not. */
    public static Either<String, PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left("phone_number is required");
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        return E164.matcher(compact).matches()
                ? Either.right(new PhoneNumber(compact))
                : Either.left("phone_number must be in E.164 format, for example +15551234567");
    }

    /** The display name the API shows: {@code X} for every digit but the last four. */
    public String masked() {
        String digits = e164.substring(1);
        return "X".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
