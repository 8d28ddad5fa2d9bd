package io.twofold.mfa.app.imports;

import io.vavr.control.Option;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 as import files carry TOTP secrets: upper case A-Z and 2-7, no padding, no
 * blanks (Auth0's {@code ^[A-Z2-7]+$}); Keycloak writes the same. None for anything else; nothing
 * here ever repeats the text, which is a secret.
 */
final class StrictBase32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private StrictBase32() {
    }

    static Option<byte[]> decode(String text) {
        // 1, 3 or 6 characters past a whole 8-character group cannot end a valid encoding.
        int tail = text.length() % 8;
        if (text.isEmpty() || tail == 1 || tail == 3 || tail == 6) {
            return Option.none();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                return Option.none();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return Option.some(out.toByteArray());
    }
}
