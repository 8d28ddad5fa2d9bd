package io.twofold.mfa.http.management.users;

import io.micronaut.http.HttpRequest;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The user id in {@code /api/v2/users/{id}}: Auth0's {@code provider|id} shape, percent-decoded once. */
final class UserPaths {
    private static final String PREFIX = "/api/v2/users/";
    private static final int MAX_ID = 255;

    private UserPaths() {
    }

    /**
     * The id as sent, decoded exactly once from the raw path ({@code auth0%7Cabc} is {@code auth0|abc};
     * a '+' stays a '+'), so a doubly encoded id never turns into another user's. An id without a '|'
     * is Auth0's 400 {@code invalid_uri}.
     */
    static Either<ManagementError, UserId> userId(HttpRequest<?> request, String routed) {
        String id = raw(request).getOrElse(routed);
        int bar = id.indexOf('|');
        if (bar <= 0 || bar == id.length() - 1 || id.length() > MAX_ID || id.isBlank()) {
            return Either.left(new ManagementError(400, "Path validation error: 'String does not match pattern ^.+\\|.+$'"
                    + " on property id (ID of the user).", Option.some("invalid_uri")));
        }
        return Either.right(new UserId(id));
    }

    private static Option<String> raw(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        if (path == null || !path.startsWith(PREFIX) || path.indexOf('/', PREFIX.length()) >= 0) {
            return Option.none();
        }
        try {
            return Option.some(URLDecoder.decode(path.substring(PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Option.none();
        }
    }
}
