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
import io.twofold.mfa.http.api.request.ClientAuthentication;
import io.twofold.mfa.http.api.request.EnrollmentChoices;
import io.twofold.mfa.http.api.request.RequestBodies;
import io.twofold.mfa.http.api.request.RequestOrigins;
import io.twofold.mfa.http.api.request.RequestParams;
import io.twofold.mfa.http.api.response.ApiBodies;
import io.twofold.mfa.http.api.response.JsonResponses;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;

/**
 * {@code POST /mfa/associate}: authorised by the bearer alone. auth0-auth-js sends no client
 * credentials here, auth0-java does; when present they are passed on to be checked (spec 2.3).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AssociateController {

    private final AssociateAuthenticator associate;

    public AssociateController(AssociateAuthenticator associate) {
        this.associate = associate;
    }

    @Post(uri = "/mfa/associate", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> associate(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return BearerTokens.required(request)
                .flatMap(bearer -> RequestBodies.parse(request.getContentType(), body)
                        .flatMap(params -> enroll(bearer, params, RequestOrigins.of(request))))
                .fold(error -> OAuthErrors.map(error).toResponse(), JsonResponses::ok);
    }

    private Either<MfaError, Map<String, Object>> enroll(String bearer, RequestParams params, RequestOrigin origin) {
        return ClientAuthentication.optional(Option.none(), params).flatMap(client ->
                params.stringList("authenticator_types").flatMap(types -> types.isEmpty()
                        ? Either.left(RequestParams.missing("authenticator_types"))
                        : params.stringList("oob_channels").flatMap(channels ->
                        params.optionalString("phone_number").flatMap(phone ->
                                params.optionalString("email").flatMap(email ->
                                        EnrollmentChoices.parse(types, channels, phone, email).flatMap(choice ->
                                                associate.associate(new AssociateCommand(
                                                        bearer, client, choice, origin))))))))
                .map(ApiBodies::association);
    }
}
