package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.RandomSource;

import java.util.Base64;

/** Generated client ids (32 alphanumerics), secrets (64 characters of base64url: 384 bits) and grant ids, as Auth0 shapes them. */
final class ClientKeys {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Lower case only, so every database sorts them alike (checkpoint paging follows id order). */
    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private final RandomSource random;

    ClientKeys(RandomSource random) {
        this.random = random;
    }

    ClientId clientId() {
        return new ClientId(draw(ALPHANUMERIC, 32));
    }

    String secret() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String grantId() {
        return "cgr_" + draw(LOWER_ALPHANUMERIC, 16);
    }

    String resourceServerId() {
        return draw(HEX, 24);
    }

    private String draw(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
