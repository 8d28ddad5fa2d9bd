package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a password's text became the bytes that were hashed: Auth0's {@code password.encoding}
 * (Node's {@code Buffer.from(password, encoding)}).
 */
public enum PasswordEncoding {
    UTF8("utf8"),
    /** Node's {@code utf16le} and {@code ucs2}. */
    UTF16LE("utf16le"),
    /** Node's {@code latin1}, {@code binary} and {@code ascii}: the low byte of each UTF-16 unit. */
    LATIN1("latin1");

    private final String label;

    PasswordEncoding(String label) {
        this.label = label;
    }

    /** The name in a stored hash. */
    String label() {
        return label;
    }

    /** By Auth0's (Node's) name: ascii, utf8, utf16le, ucs2, latin1 or binary. */
    public static Option<PasswordEncoding> named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "utf8":
            case "utf-8":
                return Option.some(UTF8);
            case "utf16le":
            case "utf-16le":
            case "ucs2":
            case "ucs-2":
                return Option.some(UTF16LE);
            case "latin1":
            case "binary":
            case "ascii":
                return Option.some(LATIN1);
            default:
                return Option.none();
        }
    }

    byte[] encode(String password) {
        if (this == UTF8) {
            return password.getBytes(StandardCharsets.UTF_8);
        }
        if (this == UTF16LE) {
            return password.getBytes(StandardCharsets.UTF_16LE);
        }
        // Node keeps the low byte of every UTF-16 code unit; the JDK's ISO-8859-1 would write '?' instead.
        byte[] bytes = new byte[password.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) password.charAt(i);
        }
        return bytes;
    }
}
