package io.twofold.mfa.otp.internal;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32, the encoding authenticator apps expect for TOTP secrets. Encoding gives
 * uppercase without padding; decoding forgives what people do when they type a secret (lowercase,
 * spaces, trailing {@code =}) and refuses anything else.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes; the exception message never repeats the input, because the input is usually a secret.
     *
     * @throws IllegalArgumentException when the text is not base32
     */
    public static byte[] decode(String text) {
        String compact = stripTrailingPadding(text.replace(" ", ""));
        // 1, 3 or 6 characters past a whole 8-character group cannot end a valid encoding.
        int tail = compact.length() % 8;
        if (tail == 1 || tail == 3 || tail == 6) {
            throw new IllegalArgumentException("not valid base32: impossible length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(compact.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < compact.length(); i++) {
            buffer = (buffer << 5) | valueOf(compact.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String stripTrailingPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }

    private static int valueOf(char c) {
        // ASCII only: Character.toUpperCase would let a few non-ASCII letters through.
        char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
        int value = ALPHABET.indexOf(upper);
        if (value < 0) {
            throw new IllegalArgumentException("not valid base32: unexpected character");
        }
        return value;
    }
}
