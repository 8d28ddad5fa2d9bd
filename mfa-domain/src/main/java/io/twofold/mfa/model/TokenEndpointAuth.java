package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;

/** Auth0's {@code token_endpoint_auth_method}: {@code none} is a public client, the others confidential. */
public enum TokenEndpointAuth {
    NONE("none"),
    CLIENT_SECRET_POST("client_secret_post"),
    CLIENT_SECRET_BASIC("client_secret_basic");

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

    public static Option<TokenEndpointAuth> byWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst());
    }
}
