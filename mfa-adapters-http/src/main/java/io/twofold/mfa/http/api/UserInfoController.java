package io.twofold.mfa.http.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.api.error.OAuthErrors;
import io.twofold.mfa.http.api.response.JsonResponses;
import io.twofold.mfa.port.in.UserClaims;
import io.twofold.mfa.port.in.UserInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenID Connect's UserInfo endpoint, {@code GET} and {@code POST /userinfo} with the access token as
 * a bearer (auth0-java's {@code AuthAPI.userInfo}, node-auth0's {@code UserInfoClient}). A refused
 * token answers {@code 401 invalid_token} with {@code WWW-Authenticate}, as on {@code /mfa/*}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserInfoController {
    private final UserInfo userInfo;

    public UserInfoController(UserInfo userInfo) {
        this.userInfo = userInfo;
    }

    @Get(uri = "/userinfo", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request) {
        return answer(request);
    }

    @Post(uri = "/userinfo", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> post(HttpRequest<?> request) {
        return answer(request);
    }

    private HttpResponse<byte[]> answer(HttpRequest<?> request) {
        return BearerTokens.required(request)
                .flatMap(userInfo::userInfo)
                .fold(error -> OAuthErrors.map(error).toResponse(), claims -> JsonResponses.ok(body(claims)));
    }

    private static Map<String, Object> body(UserClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", claims.subject().value());
        claims.name().forEach(name -> body.put("name", name));
        claims.nickname().forEach(nickname -> body.put("nickname", nickname));
        claims.givenName().forEach(given -> body.put("given_name", given));
        claims.familyName().forEach(family -> body.put("family_name", family));
        claims.picture().forEach(picture -> body.put("picture", picture));
        claims.updatedAt().forEach(updated -> body.put("updated_at", updated.toString()));
        claims.email().forEach(email -> body.put("email", email));
        claims.emailVerified().forEach(verified -> body.put("email_verified", verified));
        return body;
    }
}
