package io.twofold.mfa.http.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.api.error.OAuthErrors;
import io.twofold.mfa.http.api.request.FormDecoder;
import io.twofold.mfa.http.api.request.InputLimits;
import io.twofold.mfa.http.api.response.ApiBodies;
import io.twofold.mfa.http.api.response.JsonResponses;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.vavr.control.Option;

/**
 * {@code GET /mfa/authenticators} and {@code DELETE /mfa/authenticators/{id}}. SDKs send a
 * {@code Content-Type} on both although there is no body, so the content type is ignored (spec 2.2).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthenticatorsController {
    private static final String AUTHENTICATOR_PATH = "/mfa/authenticators/";

    private final ListAuthenticators listAuthenticators;
    private final DeleteAuthenticator deleteAuthenticator;

    public AuthenticatorsController(ListAuthenticators listAuthenticators, DeleteAuthenticator deleteAuthenticator) {
        this.listAuthenticators = listAuthenticators;
        this.deleteAuthenticator = deleteAuthenticator;
    }

    @Get(uri = "/mfa/authenticators", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        return BearerTokens.required(request)
                .flatMap(listAuthenticators::list)
                .fold(error -> OAuthErrors.map(error).toResponse(),
                        views -> JsonResponses.ok(ApiBodies.authenticators(views)));
    }

    @Delete(uri = AUTHENTICATOR_PATH + "{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable("id") String id) {
        String authenticatorId = decodedId(request).getOrElse(id);
        return BearerTokens.required(request)
                .flatMap(bearer -> InputLimits.within("authenticator id", authenticatorId, InputLimits.AUTHENTICATOR_ID)
                        .flatMap(checked -> deleteAuthenticator.delete(bearer, authenticatorId)))
                .fold(error -> OAuthErrors.map(error).toResponse(), removed -> JsonResponses.noContent());
    }

    /**
     * The id as sent, percent-decoded exactly once. Every SDK sends the id's '|' as %7C (spec 2.5); a
     * second decoding would turn {@code totp%257C...} into another authenticator's id, so the segment is
     * taken from the raw path rather than trusting how often the router decoded it. '+' stays a '+'.
     */
    private static Option<String> decodedId(HttpRequest<?> request) {
        String rawPath = request.getUri().getRawPath();
        if (rawPath == null || !rawPath.startsWith(AUTHENTICATOR_PATH)) {
            return Option.none();
        }
        try {
            return Option.some(FormDecoder.decodeComponent(
                    rawPath.substring(AUTHENTICATOR_PATH.length()).replace("+", "%2B")));
        } catch (IllegalArgumentException malformed) {
            return Option.none();
        }
    }
}
