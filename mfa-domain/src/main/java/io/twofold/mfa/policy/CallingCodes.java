package io.twofold.mfa.policy;

import io.vavr.collection.List;
import io.vavr.control.Either;

import java.util.regex.Pattern;

/**
 * The country calling codes that SMS and voice codes may be sent to ({@code +1}, {@code +44}); none
 * listed allows every number. A code is matched against the start of the E.164 number, which is
 * exact because calling codes are prefix-free (no code begins another); an operator may also list a
 * narrower prefix, such as {@code +1242} for the Bahamas alone.
 */
public record CallingCodes(List<String> prefixes) {
    public static final CallingCodes ANY = new CallingCodes(List.empty());
    private static final Pattern CODE = Pattern.compile("\\+[1-9][0-9]{0,5}");

    public CallingCodes {
        prefixes.forEach(prefix -> {
            if (!CODE.matcher(prefix).matches()) {
                throw new IllegalArgumentException("not a country calling code: " + prefix);
            }
        });
    }

    /** A comma-separated list such as {@code +1,+44}; the left side says why not. */
    public static Either<String, CallingCodes> parse(String commaSeparated) {
        List<String> codes = List.of(commaSeparated.split(",")).map(String::strip).filter(code -> !code.isEmpty());
        return codes.find(code -> !CODE.matcher(code).matches())
                .<Either<String, CallingCodes>>map(bad -> Either.left(
                        "must be country calling codes separated by commas, for example +1,+44"))
                .getOrElse(() -> Either.right(new CallingCodes(codes.distinct())));
    }

    /** Whether a code may be sent to this E.164 number. */
    public boolean allows(String e164) {
        return prefixes.isEmpty() || prefixes.exists(e164::startsWith);
    }
}
