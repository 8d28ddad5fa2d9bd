package io.twofold.mfa.http.api;

import io.micronaut.http.HttpRequest;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.http.api.request.AuthorizationHeader;
import io.twofold.mfa.http.api.request.InputLimits;
import io.vavr.control.Either;

/** The bearer that every {@code /mfa/*} endpoint but the challenge needs. */
final class BearerTokens {

    private BearerTokens() {
    }

    static Either<MfaError, String> required(HttpRequest<?> request) {
        return AuthorizationHeader.bearer(request)
                .toEither(() -> (MfaError) new MfaError.InvalidToken("An Authorization header with a Bearer token is required."))
                .flatMap(bearer -> InputLimits.within("bearer token", bearer, InputLimits.BEARER));
    }
}
