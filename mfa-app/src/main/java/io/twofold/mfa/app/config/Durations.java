package io.twofold.mfa.app.config;

import io.vavr.control.Either;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as an operator writes it: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 1h}, a bare
 * number of seconds, or ISO-8601.
 */
final class Durations {
    static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(15);
    static final Duration DEFAULT_DB_POOL_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_DB_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_DB_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_SIGNING_KEY_REFRESH = Duration.ofSeconds(30);
    private static final Duration MAX_WEBHOOK_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** A webhook timeout: at most 2 minutes. */
    static Either<String, Duration> parse(String value) {
        return parse(value, MAX_WEBHOOK_TIMEOUT, "2m");
    }

    /** Any positive duration up to {@code max}, which the refusal names as {@code maxAsWritten}. */
    static Either<String, Duration> parse(String value, Duration max, String maxAsWritten) {
        Duration duration;
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                return Either.left("must be a duration such as 500ms, 5s or 1m");
            }
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
            return Either.left("must be more than 0 and at most " + maxAsWritten);
        }
        return Either.right(duration);
    }
}
