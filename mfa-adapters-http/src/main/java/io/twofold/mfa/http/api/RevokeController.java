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
import io.twofold.mfa.http.api.error.OAuthErrors;
import io.twofold.mfa.http.api.request.AuthorizationHeader;
import io.twofold.mfa.http.api.request.ClientAuthentication;
import io.twofold.mfa.http.api.request.RequestBodies;
import io.twofold.mfa.port.in.RevokeRefreshToken;

/**
 * {@code POST /oauth/revoke} (Auth0's wire, RFC 7009), JSON or form: {@code token}, and the client's
 * credentials in the body or by Basic. 200 with an empty body whether or not a token was revoked (an
 * unknown, already revoked or another client's token included), so the answer reveals nothing;
 * 401 {@code invalid_client} for wrong credentials, 400 {@code invalid_request} without a token.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RevokeController {

    private final RevokeRefreshToken revocation;

    public RevokeController(RevokeRefreshToken revocation) {
        this.revocation = revocation;
    }

    @Post(uri = "/oauth/revoke", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> revoke(HttpRequest<?> request, @Nullable @Body byte[] body) {
        boolean basicUsed = AuthorizationHeader.isBasic(request);
        return AuthorizationHeader.basic(request)
                .flatMap(basic -> RequestBodies.parse(request.getContentType(), body)
                        .flatMap(params -> ClientAuthentication.required(basic, params)
                                .flatMap(client -> params.requiredString("token")
                                        .flatMap(token -> revocation.revoke(client, token)))))
                .fold(error -> OAuthErrors.map(error, basicUsed).toResponse(),
                        revoked -> HttpResponse.<byte[]>ok().header("Cache-Control", "no-store"));
    }
}
