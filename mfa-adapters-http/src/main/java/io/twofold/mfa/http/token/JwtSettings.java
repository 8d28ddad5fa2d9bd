package io.twofold.mfa.http.token;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the JWT issuer needs to know besides its key: its issuer URL (ending in {@code /}, the
 * {@code iss} that node-auth0 compares byte for byte), the audience of access tokens for which no
 * audience was asked, and the lifetimes of ordinary access tokens and of ID tokens. The MFA API
 * access token lifetime is not here: the spec fixes it at 600 seconds.
 */
public record JwtSettings(String issuer, String defaultAudience, Duration accessTokenLifetime, Duration idTokenLifetime) {
    /** Auth0's default access-token lifetime (spec 3.1 example). */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(86_400);
    /** Auth0's default ID-token lifetime. */
    public static final Duration DEFAULT_ID_TOKEN_LIFETIME = Duration.ofSeconds(36_000);

    public JwtSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(defaultAudience, "defaultAudience");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(idTokenLifetime, "idTokenLifetime");
        if (!issuer.endsWith("/")) {
            throw new IllegalArgumentException("the issuer URL must end with '/'");
        }
        URI uri = URI.create(issuer);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the issuer must be an absolute http(s) URL");
        }
        if (defaultAudience.isBlank()) {
            throw new IllegalArgumentException("the default audience is never blank");
        }
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()
                || idTokenLifetime.isNegative() || idTokenLifetime.isZero()) {
            throw new IllegalArgumentException("token lifetimes must be positive");
        }
    }

    /**
     * Defaults for an issuer: tokens asked without an audience get {@code {issuer}userinfo}, as in
     * Auth0 where such a token is good for {@code /userinfo} only; 86400 s access tokens; 36000 s
     * ID tokens.
     */
    public static JwtSettings forIssuer(String issuer) {
        return new JwtSettings(issuer, issuer + "userinfo", DEFAULT_ACCESS_TOKEN_LIFETIME, DEFAULT_ID_TOKEN_LIFETIME);
    }

    public JwtSettings withAccessTokenLifetime(Duration lifetime) {
        return new JwtSettings(issuer, defaultAudience, lifetime, idTokenLifetime);
    }

    public JwtSettings withIdTokenLifetime(Duration lifetime) {
        return new JwtSettings(issuer, defaultAudience, accessTokenLifetime, lifetime);
    }

    public JwtSettings withDefaultAudience(String audience) {
        return new JwtSettings(issuer, audience, accessTokenLifetime, idTokenLifetime);
    }

    /** The MFA API audience, {@code {issuer}mfa/} (spec 1.1). */
    public String mfaApiAudience() {
        return issuer + "mfa/";
    }

    /** The Management API audience, {@code {issuer}api/v2/} (with the trailing slash Auth0's SDKs send). */
    public String managementApiAudience() {
        return issuer + "api/v2/";
    }

    /** The token endpoint, {@code {issuer}oauth/token}. */
    public String tokenEndpoint() {
        return issuer + "oauth/token";
    }

    /** Where the public keys are published, {@code {issuer}.well-known/jwks.json}. */
    public String jwksUri() {
        return issuer + ".well-known/jwks.json";
    }
}
