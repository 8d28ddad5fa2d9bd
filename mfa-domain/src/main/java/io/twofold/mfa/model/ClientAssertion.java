package io.twofold.mfa.model;

import java.util.Objects;

/**
 * A client assertion (RFC 7523 section 2.2, Auth0's Private Key JWT): a JWT the client signed with its
 * private key. A bearer credential until it expires, so it never shows in logs or messages.
 */
public record ClientAssertion(String jwt) {
    /** The type a request names in {@code client_assertion_type}; no other is accepted. */
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public ClientAssertion {
        Objects.requireNonNull(jwt, "jwt");
    }

    @Override
    public String toString() {
        return "ClientAssertion[***]";
    }
}
