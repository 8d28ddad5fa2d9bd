package io.twofold.mfa.http.wellknown;

import java.util.Objects;
import java.util.function.Supplier;

/** What the well-known documents publish: the issuer URL and the public JWK set of its signing key. */
public interface IssuerMetadata {

    /** The issuer URL, ending in {@code /}. */
    String issuer();

    /** The JWK set holding public keys only, as JSON. */
    String publicJwkSetJson();

    static IssuerMetadata of(String issuer, String publicJwkSetJson) {
        Objects.requireNonNull(publicJwkSetJson, "publicJwkSetJson");
        return of(issuer, () -> publicJwkSetJson);
    }

    /** A JWK set asked for at each request: it changes when the signing keys rotate. */
    static IssuerMetadata of(String issuer, Supplier<String> publicJwkSetJson) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(publicJwkSetJson, "publicJwkSetJson");
        return new IssuerMetadata() {
            @Override
            public String issuer() {
                return issuer;
            }

            @Override
            public String publicJwkSetJson() {
                return publicJwkSetJson.get();
            }
        };
    }
}
