package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.regex.Pattern;

/** The {@code name=value,name=value} parameter segment of a PHC string, with numbers checked against bounds. */
final class PhcParameters {
    private static final Pattern SEGMENT = Pattern.compile("[a-z]{1,8}=[A-Za-z0-9.-]{1,16}(,[a-z]{1,8}=[A-Za-z0-9.-]{1,16}){0,7}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");

    private final String scheme;
    private final Map<String, String> values;

    private PhcParameters(String scheme, Map<String, String> values) {
        this.scheme = scheme;
        this.values = values;
    }

    static Either<String, PhcParameters> parse(String scheme, String segment) {
        if (!SEGMENT.matcher(segment).matches()) {
            return Either.left(scheme + ": malformed parameters");
        }
        Map<String, String> values = LinkedHashMap.empty();
        for (String pair : segment.split(",")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            if (values.containsKey(name)) {
                return Either.left(scheme + ": parameter " + name + " given twice");
            }
            values = values.put(name, pair.substring(eq + 1));
        }
        return Either.right(new PhcParameters(scheme, values));
    }

    /** Refuses any parameter not named here (an Argon2 {@code keyid} or {@code data}, say: never silently ignored). */
    Either<String, PhcParameters> only(String... names) {
        Map<String, String> rest = values.removeAll(List.of(names));
        return rest.isEmpty() ? Either.right(this)
                : Either.left(scheme + ": unsupported parameter " + rest.keySet().head());
    }

    Option<String> text(String name) {
        return values.get(name);
    }

    /** The parameter as a number within [min, max], or {@code fallback} when it is absent. */
    Either<String, Integer> number(String name, long min, long max, Option<Integer> fallback) {
        Option<String> raw = values.get(name);
        if (raw.isEmpty()) {
            return fallback.toEither(scheme + ": parameter " + name + " is missing");
        }
        return bounded(scheme + ": parameter " + name, raw.get(), min, max);
    }

    static Either<String, Integer> bounded(String what, String raw, long min, long max) {
        if (!NUMBER.matcher(raw).matches()) {
            return Either.left(what + " is not a number");
        }
        long value = Long.parseLong(raw);
        return value < min || value > max
                ? Either.left(what + " must be between " + min + " and " + max)
                : Either.right((int) value);
    }
}
