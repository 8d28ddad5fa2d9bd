package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.PhoneNumber;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.regex.Pattern;

/** The shape each profile field must have; a refusal names the field, never its value. */
final class UserFields {
    static final int MAX_TEXT = 255;
    static final int MAX_PICTURE = 2048;
    private static final Pattern USERNAME = Pattern.compile("[^\\s@|]{1,128}");
    /** What may follow {@code auth0|} in a caller-given id: printable, no blanks, no second '|'. */
    private static final Pattern ID_TAIL = Pattern.compile("[\\x21-\\x7e&&[^|]]{1,128}");

    private UserFields() {
    }

    static Either<OperatorError, Option<EmailAddress>> email(Option<String> raw) {
        return raw.isEmpty() ? Either.right(Option.none()) : EmailAddress.parse(raw.get())
                .<OperatorError>mapLeft(reason -> invalid("email is not a valid email address"))
                .map(Option::some);
    }

    static Either<OperatorError, Option<String>> username(Option<String> raw) {
        return check(raw, value -> USERNAME.matcher(value).matches(),
                "username must be 1 to 128 characters without spaces, '@' or '|'");
    }

    static Either<OperatorError, Option<String>> phone(Option<String> raw) {
        return raw.isEmpty() ? Either.right(Option.none()) : PhoneNumber.parse(raw.get())
                .<OperatorError>mapLeft(reason -> invalid("phone_number must be in E.164 format"))
                .map(phone -> Option.some(phone.e164()));
    }

    static Either<OperatorError, Option<String>> text(String field, Option<String> raw) {
        return check(raw, value -> !value.isBlank() && value.length() <= MAX_TEXT,
                field + " must be 1 to " + MAX_TEXT + " characters");
    }

    static Either<OperatorError, Option<String>> picture(Option<String> raw) {
        return check(raw, value -> value.length() <= MAX_PICTURE && (value.startsWith("https://") || value.startsWith("http://")),
                "picture must be an http(s) URL of at most " + MAX_PICTURE + " characters");
    }

    static Either<OperatorError, String> idTail(String raw) {
        return ID_TAIL.matcher(raw).matches() ? Either.right(raw)
                : Either.left(invalid("user_id must be 1 to 128 printable characters without spaces or '|'"));
    }

    private static Either<OperatorError, Option<String>> check(Option<String> raw,
            java.util.function.Predicate<String> valid, String refusal) {
        return raw.isEmpty() || valid.test(raw.get()) ? Either.right(raw) : Either.left(invalid(refusal));
    }

    static OperatorError invalid(String message) {
        return new OperatorError.InvalidInput("Payload validation error: " + message + ".");
    }
}
