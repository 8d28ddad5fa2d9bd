package io.twofold.mfa.http.wellknown;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.util.Map;

/** Serves the JWKS and the OpenID discovery document; active when the app provides {@link IssuerMetadata}. */
@Controller("/.well-known")
@Requires(beans = IssuerMetadata.class)
public class WellKnownController {
    private final IssuerMetadata metadata;
    private final Map<String, Object> discovery;

    public WellKnownController(IssuerMetadata metadata) {
        this.metadata = metadata;
        this.discovery = OpenIdConfiguration.forIssuer(metadata.issuer());
    }

    @Get("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return metadata.publicJwkSetJson();
    }

    @Get("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> openidConfiguration() {
        return discovery;
    }
}
