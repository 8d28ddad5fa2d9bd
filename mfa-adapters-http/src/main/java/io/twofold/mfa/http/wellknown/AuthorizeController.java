package io.twofold.mfa.http.wellknown;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.twofold.mfa.http.api.error.OAuthError;

/**
 * The authorization endpoint that OpenID Connect Discovery requires the document to name. Twofold
 * serves no browser sign-in (no authorization-code or implicit flow), so every request is refused
 * here, in the response body: a client's {@code redirect_uri} is never followed, since Twofold
 * registers none and redirecting to an unchecked one would make it an open redirector (RFC 6749 4.1.2.1).
 */
@Controller
public class AuthorizeController {
    static final OAuthError REFUSED = OAuthError.of(400, "unsupported_response_type",
            "Twofold serves no browser sign-in; use the password grant and the MFA grants at /oauth/token.");

    @Get(uri = "/authorize", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> authorize() {
        return REFUSED.toResponse();
    }

    @Post(uri = "/authorize", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> authorizeByPost() {
        return REFUSED.toResponse();
    }
}
