package io.twofold.mfa.http.api.request;

import io.twofold.mfa.error.MfaError;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an {@code application/x-www-form-urlencoded} body (UTF-8, {@code +} as space). */
public final class FormDecoder {

    private FormDecoder() {
    }

    public static Either<MfaError, Map<String, List<String>>> decode(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                String name = decodeComponent(rawName.strip());
                String value = decodeComponent(rawValue);
                params.merge(name, List.of(value), List::appendAll);
            } catch (IllegalArgumentException malformedEscape) {
                return Either.left(new MfaError.InvalidRequest("The form body is not valid URL encoding."));
            }
        }
        return Either.right(params);
    }

    /** One URL-encoded component, as also used inside HTTP Basic credentials (RFC 6749 2.3.1). */
    public static String decodeComponent(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
