package io.twofold.mfa.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Connection ids as Auth0 shows them ({@code con_} and 16 letters and digits). Twofold keeps connections
 * by name only, so a connection's id is derived from its name: the same on every node, and stable.
 */
public final class Connections {
    /** The connection users land in when none is named, as Auth0's database connection. */
    public static final String DEFAULT = "Username-Password-Authentication";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Connections() {
    }

    /** The id of the connection of this name. */
    public static String idOf(String name) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder id = new StringBuilder("con_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return id.toString();
    }
}
