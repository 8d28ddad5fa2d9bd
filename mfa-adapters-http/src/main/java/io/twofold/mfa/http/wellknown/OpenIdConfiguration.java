package io.twofold.mfa.http.wellknown;

import io.twofold.mfa.model.AssertionAlgorithm;
import io.twofold.mfa.model.GrantType;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID discovery document (spec 13.3: auth0-auth-js finds the token endpoint here), with the
 * members Auth0's document has where Twofold does the same thing (Auth0's {@code mfa_challenge_endpoint}).
 * Every endpoint Twofold serves is named; the authorization endpoint, which OpenID Connect Discovery
 * requires, refuses every request ({@link AuthorizeController}): Twofold serves no browser sign-in.
 */
public final class OpenIdConfiguration {
    /** A secret in the body or in Basic, a signed assertion (private_key_jwt), or nothing (a public client). */
    static final List<String> CLIENT_AUTH_METHODS =
            List.of("client_secret_post", "client_secret_basic", "private_key_jwt", "none");
    static final List<String> ASSERTION_ALGORITHMS =
            Arrays.stream(AssertionAlgorithm.values()).map(AssertionAlgorithm::name).toList();
    public static final List<String> SCOPES =
            List.of("openid", "profile", "email", "offline_access", "enroll", "read:authenticators",
                    "remove:authenticators");
    /** Every claim an ID token or the UserInfo endpoint can carry ({@code JwtTokenIssuer}, {@code UserInfoController}). */
    public static final List<String> CLAIMS =
            List.of("aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "nickname",
                    "picture", "sub", "updated_at");

    private OpenIdConfiguration() {
    }

    /** The document for an issuer URL that ends in {@code /}. */
    public static Map<String, Object> forIssuer(String issuer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "authorize");
        doc.put("token_endpoint", issuer + "oauth/token");
        doc.put("userinfo_endpoint", issuer + "userinfo");
        doc.put("mfa_challenge_endpoint", issuer + "mfa/challenge");
        doc.put("jwks_uri", issuer + ".well-known/jwks.json");
        doc.put("revocation_endpoint", issuer + "oauth/revoke");
        doc.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        doc.put("revocation_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
        doc.put("grant_types_supported", Arrays.stream(GrantType.values()).map(GrantType::wireName).toList());
        doc.put("response_types_supported", List.of("token"));
        doc.put("token_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        doc.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("scopes_supported", SCOPES);
        doc.put("claims_supported", CLAIMS);
        // OpenID Connect Discovery defaults request_uri_parameter_supported to true when absent; Twofold
        // takes no request objects at all, so it says so, as Auth0 does.
        doc.put("request_parameter_supported", false);
        doc.put("request_uri_parameter_supported", false);
        return Collections.unmodifiableMap(doc);
    }
}
