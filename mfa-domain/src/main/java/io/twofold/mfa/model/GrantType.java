package io.twofold.mfa.model;

import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;

import java.util.Arrays;

/** The {@code grant_type} values of the token endpoint that Twofold serves. */
public enum GrantType {
    PASSWORD("password"),
    PASSWORD_REALM("http://auth0.com/oauth/grant-type/password-realm"),
    MFA_OTP("http://auth0.com/oauth/grant-type/mfa-otp"),
    MFA_OOB("http://auth0.com/oauth/grant-type/mfa-oob"),
    MFA_RECOVERY_CODE("http://auth0.com/oauth/grant-type/mfa-recovery-code"),
    /** A confidential client's own token for an API it has a client grant for (no user). */
    CLIENT_CREDENTIALS("client_credentials"),
    /** A refresh token for new tokens of the same login, without the password or a second factor again. */
    REFRESH_TOKEN("refresh_token");

    private static final String AUTH0_PREFIX = "http://auth0.com/oauth/grant-type/";

    /**
     * Grant types an Auth0 client may list that Twofold does not serve: a client exported from Auth0
     * keeps its list, these are left out of it; anything else is a typo.
     */
    public static final Set<String> UNSERVED_AUTH0 = TreeSet.of(
            "authorization_code", "implicit", "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:openid:params:grant-type:ciba", AUTH0_PREFIX + "passwordless/otp", "passwordless/otp");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Option<GrantType> byWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst());
    }

    /** Auth0's wire name, or for the Auth0 extension grants the short form after {@code grant-type/}. */
    public static Option<GrantType> byWireOrShortName(String name) {
        return byWireName(name).orElse(() -> byWireName(AUTH0_PREFIX + name));
    }
}
