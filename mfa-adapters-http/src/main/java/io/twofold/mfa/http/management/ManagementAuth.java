package io.twofold.mfa.http.management;

import io.micronaut.http.HttpRequest;
import io.twofold.mfa.http.api.request.AuthorizationHeader;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.http.token.MachineClaims;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.inject.Singleton;

/**
 * Who may call the Management API: a machine token ({@code client_credentials}) of this issuer for
 * the audience {@code {issuer}api/v2/}, holding one of the scopes the endpoint names (spec 1.2, 10).
 * A user's access token, an MFA API token, an ID token, a token for another API or another issuer,
 * an expired one: all 401. The right token without the scope: Auth0's exact 403.
 */
@Singleton
public final class ManagementAuth {
    static final String MISSING = "Missing authentication";

    private final JwtTokenIssuer tokens;

    public ManagementAuth(JwtTokenIssuer tokens) {
        this.tokens = tokens;
    }

    /** The caller, when its token is good and holds one of {@code anyOfScopes}. */
    public Either<ManagementError, Operator> require(HttpRequest<?> request, String... anyOfScopes) {
        return AuthorizationHeader.bearer(request)
                .toEither(() -> ManagementError.unauthorized(MISSING))
                .flatMap(bearer -> tokens.verifyMachineToken(bearer, tokens.settings().managementApiAudience())
                        .mapLeft(ManagementError::unauthorized))
                .flatMap(claims -> authorize(claims, anyOfScopes));
    }

    private static Either<ManagementError, Operator> authorize(MachineClaims claims, String... anyOfScopes) {
        Operator operator = new Operator(claims.client(), HashSet.ofAll(claims.scope().values()));
        return List.of(anyOfScopes).exists(operator::holds)
                ? Either.right(operator)
                : Either.left(ManagementError.insufficientScope(anyOfScopes));
    }
}
