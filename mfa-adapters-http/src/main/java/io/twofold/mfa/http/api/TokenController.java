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
import io.twofold.mfa.http.api.error.OAuthError;
import io.twofold.mfa.http.api.error.OAuthErrors;
import io.twofold.mfa.http.api.request.AuthorizationHeader;
import io.twofold.mfa.http.api.request.RequestBodies;
import io.twofold.mfa.http.api.request.RequestOrigins;
import io.twofold.mfa.http.api.response.JsonResponses;
import io.twofold.mfa.port.in.RequestOrigin;
import io.twofold.mfa.port.in.MachineLogin;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.vavr.control.Option;

/**
 * {@code POST /oauth/token}, JSON or form. Only a Basic {@code Authorization} header means anything
 * here: Auth0's docs send {@code Bearer <mfa_token>} to this endpoint, and it must be ignored (spec 2.3).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private final TokenGrants grants;

    public TokenController(PasswordLogin passwordLogin, VerifyOtp verifyOtp, VerifyOob verifyOob,
                           VerifyRecoveryCode verifyRecoveryCode, RenewTokens renewTokens,
                           @Nullable MachineLogin machineLogin) {
        this.grants = new TokenGrants(passwordLogin, verifyOtp, verifyOob, verifyRecoveryCode, renewTokens,
                Option.of(machineLogin));
    }

    @Post(uri = "/oauth/token", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> token(HttpRequest<?> request, @Nullable @Body byte[] body) {
        boolean basicUsed = AuthorizationHeader.isBasic(request);
        RequestOrigin origin = RequestOrigins.of(request);
        return AuthorizationHeader.basic(request)
                .flatMap(basic -> RequestBodies.parse(request.getContentType(), body)
                        .map(params -> grants.grant(params, basic, origin)))
                .fold(error -> OAuthErrors.map(error, basicUsed).toResponse(),
                        granted -> granted.fold(OAuthError::toResponse, JsonResponses::ok));
    }
}
