package io.twofold.mfa.http.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The title of the OpenAPI document the compiler writes from this module's controllers. */
@OpenAPIDefinition(info = @Info(title = "Twofold", version = "1",
        description = "Auth0's MFA API (/oauth/token, /mfa/*) and a subset of Auth0's Management API v2 (/api/v2/)"))
final class TwofoldApi {
    private TwofoldApi() {
    }
}
