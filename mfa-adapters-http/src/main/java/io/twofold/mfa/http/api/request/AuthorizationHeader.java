package io.twofold.mfa.http.api.request;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Reads the {@code Authorization} header: a Bearer token on {@code /mfa/*}, Basic client credentials elsewhere. */
public final class AuthorizationHeader {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private AuthorizationHeader() {
    }

    /** HTTP Basic client credentials, decoded as RFC 6749 2.3.1 says: base64, then URL-decoding of each part. */
    public record BasicCredentials(String clientId, String secret) {
        @Override
        public String toString() {
            return "BasicCredentials[" + clientId + ", ***]";
        }
    }

    public static boolean isBasic(HttpRequest<?> request) {
        return header(request).exists(value -> value.toLowerCase(Locale.ROOT).startsWith(BASIC));
    }

    /** The bearer token; none when the header is missing, empty or of another scheme. */
    public static Option<String> bearer(HttpRequest<?> request) {
        return header(request)
                .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BEARER))
                .map(value -> value.substring(BEARER.length()).strip())
                .filter(token -> !token.isEmpty());
    }

    /** Basic credentials if the header uses that scheme; any other scheme (a Bearer on /oauth/token) is ignored. */
    public static Either<MfaError, Option<BasicCredentials>> basic(HttpRequest<?> request) {
        Option<String> encoded = header(request)
                .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BASIC))
                .map(value -> value.substring(BASIC.length()).strip());
        if (encoded.isEmpty()) {
            return Either.right(Option.none());
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Either.left(new MfaError.InvalidClient());
            }
            String clientId = FormDecoder.decodeComponent(decoded.substring(0, colon));
            String secret = FormDecoder.decodeComponent(decoded.substring(colon + 1));
            if (clientId.isBlank()) {
                return Either.left(new MfaError.InvalidClient());
            }
            return InputLimits.within("client_id", clientId).flatMap(id -> InputLimits.within("client_secret", secret))
                    .map(checked -> Option.some(new BasicCredentials(clientId, secret)));
        } catch (IllegalArgumentException malformed) {
            return Either.left(new MfaError.InvalidClient());
        }
    }

    private static Option<String> header(HttpRequest<?> request) {
        return Option.ofOptional(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).map(String::strip);
    }
}
