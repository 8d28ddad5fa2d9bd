package io.twofold.mfa.http.api.request;

import com.nimbusds.jwt.JWTParser;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.http.api.request.AuthorizationHeader.BasicCredentials;
import io.twofold.mfa.model.ClientAssertion;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

/**
 * Collects the client's credentials from the body ({@code client_secret_post}), from HTTP Basic
 * ({@code client_secret_basic}), or as a signed assertion in the body ({@code client_assertion} and
 * {@code client_assertion_type}, RFC 7523 section 2.2: Private Key JWT). Whether they are right is the
 * use case's business; this only checks their shape, that one method is used, and that the body and
 * the header, when both name the client, name the same one.
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
            return asserted(basic, params).map(Option::some);
        }
        return params.optionalString("client_id").flatMap(bodyId ->
                params.optionalString("client_secret").flatMap(bodySecret ->
                        combine(basic, bodyId.filter(id -> !id.isBlank()), bodySecret)));
    }

    private static Either<MfaError, ClientCredentials> asserted(Option<BasicCredentials> basic, RequestParams params) {
        if (basic.isDefined() || params.has("client_secret")) {
            return Either.left(new MfaError.InvalidRequest(
                    "Use only one client authentication method: client_assertion or client_secret, not both."));
        }
        Either<MfaError, Option<String>> type = params.optionalString("client_assertion_type");
        Either<MfaError, Option<String>> jwt = params.optionalString("client_assertion");
        Either<MfaError, Option<String>> bodyId = params.optionalString("client_id");
        if (type.isLeft() || jwt.isLeft() || bodyId.isLeft()) {
            return Either.left(type.isLeft() ? type.getLeft() : jwt.isLeft() ? jwt.getLeft() : bodyId.getLeft());
        }
        if (type.get().isEmpty()) {
            return Either.left(RequestParams.missing("client_assertion_type"));
        }
        if (!type.get().get().equals(ClientAssertion.TYPE)) {
            return Either.left(new MfaError.InvalidRequest("client_assertion_type must be " + ClientAssertion.TYPE));
        }
        Option<String> assertion = jwt.get().filter(value -> !value.isEmpty());
        if (assertion.isEmpty()) {
            return Either.left(RequestParams.missing("client_assertion"));
        }
        Option<String> clientId = bodyId.get().filter(id -> !id.isBlank()).orElse(() -> subject(assertion.get()));
        return clientId.<MfaError>toEither(MfaError.InvalidClient::new)
                .map(id -> ClientCredentials.asserted(new ClientId(id), new ClientAssertion(assertion.get())));
    }

    /**
     * Which client an assertion says it is when the body does not name one (RFC 7523 makes
     * {@code client_id} optional). Unverified: it only picks the keys the signature must match, and the
     * use case checks that {@code iss} and {@code sub} are that client.
     */
    private static Option<String> subject(String assertion) {
        return Try.of(() -> JWTParser.parse(assertion).getJWTClaimsSet().getSubject()).toOption()
                .filter(sub -> sub != null && !sub.isBlank() && sub.length() <= 255);
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
