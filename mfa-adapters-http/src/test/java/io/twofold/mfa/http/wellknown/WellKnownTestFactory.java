package io.twofold.mfa.http.wellknown;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The one bean the well-known controller needs, only in this test's environment. */
@Factory
@Requires(env = WellKnownControllerTest.ENVIRONMENT)
class WellKnownTestFactory {
    static final String JWKS = "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"kid\":\"k1\",\"n\":\"sXch\"}]}";

    @Singleton
    IssuerMetadata issuerMetadata() {
        return IssuerMetadata.of("http://localhost:8080/", JWKS);
    }
}
