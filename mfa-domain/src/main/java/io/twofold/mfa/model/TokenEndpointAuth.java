package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;

/**
 * How a client authenticates at the token endpoint: Auth0's {@code token_endpoint_auth_method}
 * ({@code none} is a public client, the others confidential), or {@link #PRIVATE_KEY_JWT}, which Auth0
 * shows as {@code client_authentication_methods.private_key_jwt} instead.
 */
public enum TokenEndpointAuth {
    NONE("none"),
    CLIENT_SECRET_POST("client_secret_post"),
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** A signed client assertion by one of the client's registered public keys; never a secret. */
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String wireName;

    TokenEndpointAuth(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean confidential() {
        return this != NONE;
    }

    /** A value of Auth0's {@code token_endpoint_auth_method}, which never names {@link #PRIVATE_KEY_JWT}. */
    public static Option<TokenEndpointAuth> bySecretMethodName(String name) {
        return byWireName(name).filter(method -> method != PRIVATE_KEY_JWT);
    }

    public static Option<TokenEndpointAuth> byWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst());
    }
}
