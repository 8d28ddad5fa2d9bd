package io.twofold.mfa.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.http.api.error.OAuthErrors;
import io.twofold.mfa.http.api.request.AuthorizationHeader;
import io.twofold.mfa.http.api.request.AuthorizationHeader.BasicCredentials;
import io.twofold.mfa.http.api.request.ClientAuthentication;
import io.twofold.mfa.http.api.request.RequestBodies;
import io.twofold.mfa.http.api.request.RequestOrigins;
import io.twofold.mfa.http.api.request.RequestParams;
import io.twofold.mfa.http.api.response.ApiBodies;
import io.twofold.mfa.http.api.response.JsonResponses;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;

/**
 * {@code POST /mfa/challenge}: the {@code mfa_token} travels in the body, with the client's
 * credentials. An {@code oob_channel} parameter, found in old docs, does not exist and is ignored.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChallengeController {

    private final ChallengeAuthenticator challenge;

    public ChallengeController(ChallengeAuthenticator challenge) {
        this.challenge = challenge;
    }

    @Post(uri = "/mfa/challenge", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> challenge(HttpRequest<?> request, @Nullable @Body byte[] body) {
        boolean basicUsed = AuthorizationHeader.isBasic(request);
        return AuthorizationHeader.basic(request)
                .flatMap(basic -> RequestBodies.parse(request.getContentType(), body)
                        .flatMap(params -> challenge(basic, params, RequestOrigins.of(request))))
                .fold(error -> OAuthErrors.map(error, basicUsed).toResponse(), JsonResponses::ok);
    }

    private Either<MfaError, Map<String, Object>> challenge(Option<BasicCredentials> basic, RequestParams params,
                                                          RequestOrigin origin) {
        return params.requiredString("mfa_token").flatMap(mfaToken ->
                ClientAuthentication.required(basic, params).flatMap(client ->
                        params.optionalString("challenge_type").flatMap(types ->
                                params.optionalString("authenticator_id").flatMap(authenticatorId ->
                                        challenge.challenge(new ChallengeCommand(
                                                client, mfaToken, types, authenticatorId, origin))))))
                .map(ApiBodies::challenge);
    }
}
