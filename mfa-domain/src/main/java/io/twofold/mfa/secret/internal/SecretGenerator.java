package io.twofold.mfa.secret.internal;

import io.twofold.mfa.port.out.RandomSource;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes the random values the domain hands out. Symbols are drawn with {@code nextInt(bound)},
 * never {@code byte % size}, so every symbol is equally likely (no modulo bias).
 */
public final class SecretGenerator {
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RandomSource random;

    public SecretGenerator(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A bearer secret ({@code mfa_token}, {@code oob_code}): 256 random bits as base64url without
     * padding, so it travels unchanged in headers, JSON and form bodies.
     */
    public String opaqueToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The device part of an authenticator id: {@code dev_} and 16 alphanumerics. */
    public String deviceId() {
        return "dev_" + symbols(ALPHANUMERICS, 16);
    }

    /** A 6-digit binding code, leading zeros kept. */
    public String bindingCode() {
        return symbols("0123456789", 6);
    }

    /** A recovery code: 24 symbols of {@link RecoveryCodes#ALPHABET} (about 121 bits). */
    public String recoveryCode() {
        return symbols(RecoveryCodes.ALPHABET, RecoveryCodes.LENGTH);
    }

    /** An internal id for a transaction or challenge (128 random bits, hex); not a secret. */
    public String internalId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String symbols(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
