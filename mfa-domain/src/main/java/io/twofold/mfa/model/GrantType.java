package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;

/** The {@code grant_type} values of the token endpoint that Twofold serves. */
public enum GrantType {
    PASSWORD("password"),
    PASSWORD_REALM("http://auth0.com/oauth/grant-type/password-realm"),
    MFA_OTP("http://auth0.com/oauth/grant-type/mfa-otp"),
    MFA_OOB("http://auth0.com/oauth/grant-type/mfa-oob"),
    MFA_RECOVERY_CODE("http://auth0.com/oauth/grant-type/mfa-recovery-code"),
    /** A refresh token for new tokens of the same login, without the password or a second factor again. */
    REFRESH_TOKEN("refresh_token");

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
}
