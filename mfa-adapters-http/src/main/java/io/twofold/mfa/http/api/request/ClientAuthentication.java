package io.twofold.mfa.http.api.request;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.http.api.request.AuthorizationHeader.BasicCredentials;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Collects the client's credentials from the body ({@code client_secret_post}) or from HTTP Basic
 * ({@code client_secret_basic}). Whether they are right is the use case's business; this only
 * checks their shape, and that the two ways, when both are used, name the same client.
 */
public final class ClientAuthentication {

    private ClientAuthentication() {
    }

    public static Either<MfaError, ClientCredentials> required(Option<BasicCredentials> basic, RequestParams params) {
        return optional(basic, params).flatMap(found -> found.toEither(() -> RequestParams.missing("client_id")));
    }

    public static Either<MfaError, Option<ClientCredentials>> optional(Option<BasicCredentials> basic,
                                                                       RequestParams params) {
        if (params.has("client_assertion") || params.has("client_assertion_type")) {
            return Either.left(new MfaError.InvalidRequest(
                    "client_assertion is not supported: authenticate with client_secret."));
        }
        return params.optionalString("client_id").flatMap(bodyId ->
                params.optionalString("client_secret").flatMap(bodySecret ->
                        combine(basic, bodyId.filter(id -> !id.isBlank()), bodySecret)));
    }

    private static Either<MfaError, Option<ClientCredentials>> combine(
            Option<BasicCredentials> basic, Option<String> bodyId, Option<String> bodySecret) {
        if (basic.isDefined()) {
            BasicCredentials header = basic.get();
            boolean sameId = bodyId.forAll(header.clientId()::equals);
            boolean sameSecret = bodySecret.forAll(header.secret()::equals);
            if (!sameId || !sameSecret) {
                return Either.left(new MfaError.InvalidRequest(
                        "Client credentials were given both in the Authorization header and in the body, and differ."));
            }
            return Either.right(Option.some(credentials(header.clientId(), Option.some(header.secret()))));
        }
        if (bodyId.isEmpty()) {
            return bodySecret.isDefined()
                    ? Either.left(RequestParams.missing("client_id"))
                    : Either.right(Option.none());
        }
        return Either.right(Option.some(credentials(bodyId.get(), bodySecret)));
    }

    private static ClientCredentials credentials(String clientId, Option<String> secret) {
        return new ClientCredentials(new ClientId(clientId), secret.filter(s -> !s.isEmpty()));
    }
}
