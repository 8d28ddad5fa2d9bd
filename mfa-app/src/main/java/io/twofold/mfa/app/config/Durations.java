package io.twofold.mfa.app.config;

import io.vavr.control.Either;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration as an operator writes it: {@code 500ms}, {@code 5s}, {@code 1m}, a bare number of seconds, or ISO-8601. */
final class Durations {
    static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(2);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    private Durations() {
    }

    static Either<String, Duration> parse(String value) {
        Duration duration;
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            duration = unit.equals("ms") ? Duration.ofMillis(amount)
                    : unit.equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                return Either.left("must be a duration such as 500ms, 5s or 1m");
            }
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX) > 0) {
            return Either.left("must be more than 0 and at most 2m");
        }
        return Either.right(duration);
    }
}
