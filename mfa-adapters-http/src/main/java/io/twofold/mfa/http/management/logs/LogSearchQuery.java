package io.twofold.mfa.http.management.logs;

import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The subset of Auth0's Lucene log search ({@code q} or {@code search}) that Twofold answers:
 * {@code field:value} terms on {@code type}, {@code user_id}, {@code client_id} and {@code date},
 * values bare or in double quotes, joined by {@code AND} (or by spaces, which mean the same). A date is
 * {@code yyyy-MM-dd} (that whole UTC day) or an ISO-8601 instant, a range {@code [a TO b]} (inclusive)
 * or {@code {a TO b}} (exclusive) with {@code *} for an open end, or a bound {@code >=a}, {@code >a},
 * {@code <=b}, {@code <b}. Anything else ({@code OR}, {@code NOT}, wildcards, another field) is a 400.
 */
final class LogSearchQuery {
    private static final String FIELDS = "type, user_id, client_id and date";

    private final String q;
    private int at;
    private LogFilter filter = LogFilter.ALL;

    private LogSearchQuery(String q) {
        this.q = q;
    }

    /** The filter the query asks for; none or blank: every entry. */
    static Either<ManagementError, LogFilter> parse(String q) {
        return q == null || q.isBlank() ? Either.right(LogFilter.ALL) : new LogSearchQuery(q).terms();
    }

    private Either<ManagementError, LogFilter> terms() {
        while (true) {
            skipSpaces();
            if (at >= q.length()) {
                return Either.right(filter);
            }
            if (q.startsWith("AND ", at) && at > 0) {
                at += 4;
                continue;
            }
            Option<ManagementError> refused = term();
            if (refused.isDefined()) {
                return Either.left(refused.get());
            }
        }
    }

    private Option<ManagementError> term() {
        int colon = q.indexOf(':', at);
        if (colon < 0) {
            return Option.some(invalid("expected field:value at '" + q.substring(at) + "'"));
        }
        String field = q.substring(at, colon);
        at = colon + 1;
        switch (field) {
            case "type":
                return value(field).fold(Option::some, v -> once(filter.type(), field, () -> filter = filter.withType(v)));
            case "user_id":
                return value(field).fold(Option::some, v -> once(filter.user(), field, () -> filter = filter.withUser(new UserId(v))));
            case "client_id":
                return value(field).fold(Option::some,
                        v -> once(filter.client(), field, () -> filter = filter.withClient(new ClientId(v))));
            case "date":
                return date();
            default:
                return Option.some(invalid("the field '" + field + "' cannot be searched; use " + FIELDS));
        }
    }

    /** Reads a bare or quoted value; right the value, left the refusal. */
    private Either<ManagementError, String> value(String field) {
        if (at < q.length() && q.charAt(at) == '"') {
            StringBuilder value = new StringBuilder();
            int i = at + 1;
            while (i < q.length() && q.charAt(i) != '"') {
                if (q.charAt(i) == '\\' && i + 1 < q.length()) {
                    i++;
                }
                value.append(q.charAt(i++));
            }
            if (i >= q.length()) {
                return Either.left(invalid("the value of '" + field + "' has no closing quote"));
            }
            at = i + 1;
            return Either.right(value.toString());
        }
        int end = at;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
            end++;
        }
        String value = q.substring(at, end);
        at = end;
        if (value.isEmpty() || value.contains("*") || value.contains("?") || value.startsWith("(")) {
            return Either.left(invalid("'" + field + "' takes one exact value, bare or in double quotes"));
        }
        return Either.right(value);
    }

    private Option<ManagementError> date() {
        if (at < q.length() && (q.charAt(at) == '[' || q.charAt(at) == '{')) {
            return range();
        }
        String op = q.startsWith(">=", at) || q.startsWith("<=", at) ? q.substring(at, at + 2)
                : at < q.length() && (q.charAt(at) == '>' || q.charAt(at) == '<') ? q.substring(at, at + 1) : "";
        at += op.length();
        Either<ManagementError, String> raw = value("date");
        if (raw.isLeft()) {
            return Option.some(raw.getLeft());
        }
        Either<ManagementError, Bound> bound = bound(raw.get());
        if (bound.isLeft()) {
            return Option.some(bound.getLeft());
        }
        Bound b = bound.get();
        return switch (op) {
            case ">=" -> since(b.start());
            case ">" -> since(b.end());
            case "<=" -> until(b.end());
            case "<" -> until(b.start());
            default -> since(b.start()).orElse(() -> until(b.end()));
        };
    }

    private Option<ManagementError> range() {
        boolean inclusive = q.charAt(at) == '[';
        char close = inclusive ? ']' : '}';
        int end = q.indexOf(close, at);
        if (end < 0) {
            return Option.some(invalid("the date range has no closing " + close));
        }
        String[] ends = q.substring(at + 1, end).trim().split("\\s+TO\\s+");
        at = end + 1;
        if (ends.length != 2) {
            return Option.some(invalid("a date range is [from TO to] or {from TO to}"));
        }
        Option<ManagementError> from = ends[0].equals("*") ? Option.none()
                : bound(unquote(ends[0])).fold(Option::some, b -> since(inclusive ? b.start() : b.end()));
        if (from.isDefined()) {
            return from;
        }
        return ends[1].equals("*") ? Option.none()
                : bound(unquote(ends[1])).fold(Option::some, b -> until(inclusive ? b.end() : b.start()));
    }

    /** A date or instant as the instants it spans: a whole day for a date, one millisecond for an instant. */
    private record Bound(Instant start, Instant end) {
    }

    private Either<ManagementError, Bound> bound(String raw) {
        try {
            if (raw.length() == 10) {
                Instant day = LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Either.right(new Bound(day, day.plusSeconds(86_400)));
            }
            Instant instant = Instant.parse(raw);
            return Either.right(new Bound(instant, instant.plusMillis(1)));
        } catch (DateTimeParseException e) {
            return Either.left(invalid("'" + raw + "' is not a date (yyyy-MM-dd) or an ISO-8601 instant"));
        }
    }

    private Option<ManagementError> since(Instant from) {
        return once(filter.since(), "date (from)", () -> filter = filter.withSince(from));
    }

    private Option<ManagementError> until(Instant to) {
        return once(filter.until(), "date (to)", () -> filter = filter.withUntil(to));
    }

    private Option<ManagementError> once(Option<?> current, String field, Runnable set) {
        if (current.isDefined()) {
            return Option.some(invalid("'" + field + "' is given twice"));
        }
        set.run();
        return Option.none();
    }

    private static String unquote(String raw) {
        return raw.length() > 1 && raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
    }

    private void skipSpaces() {
        while (at < q.length() && Character.isWhitespace(q.charAt(at))) {
            at++;
        }
    }

    private static ManagementError invalid(String why) {
        return ManagementError.invalidQuery("Query validation error: 'q' " + why + ".");
    }
}
