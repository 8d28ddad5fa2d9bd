package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text encodings hashes, salts and keys arrive in: hex (either case), base64 (standard or
 * url-safe, padded or not, and the "adapted" alphabet with {@code .} for {@code +} that passlib's
 * PHC strings use) and UTF-8. A refusal names the field, never its value.
 */
final class Encodings {
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/._-]*={0,2}");
    private static final Base64.Encoder BASE64_NO_PADDING = Base64.getEncoder().withoutPadding();

    private Encodings() {
    }

    /** Decodes {@code value} in the named encoding ({@code hex}, {@code base64} or {@code utf8}). */
    static Either<String, byte[]> decode(String field, String value, String encoding) {
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "hex":
                return hex(field, value);
            case "base64":
                return base64(field, value);
            case "utf8":
            case "utf-8":
                return Either.right(value.getBytes(StandardCharsets.UTF_8));
            default:
                return Either.left(field + ".encoding must be hex, base64 or utf8");
        }
    }

    static Either<String, byte[]> hex(String field, String value) {
        return HEX.matcher(value).matches()
                ? Either.right(HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)))
                : Either.left(field + " is not hex");
    }

    static Either<String, byte[]> base64(String field, String value) {
        Option<byte[]> decoded = base64(value);
        return decoded.isDefined() ? Either.right(decoded.get()) : Either.left(field + " is not base64");
    }

    /** Lenient base64: either alphabet (and passlib's {@code .}), with or without padding. */
    static Option<byte[]> base64(String value) {
        if (!BASE64.matcher(value).matches()) {
            return Option.none();
        }
        String standard = value.replace('-', '+').replace('_', '/').replace('.', '+');
        String unpadded = standard.endsWith("==") ? standard.substring(0, standard.length() - 2)
                : standard.endsWith("=") ? standard.substring(0, standard.length() - 1) : standard;
        if (unpadded.length() % 4 == 1) {
            return Option.none();
        }
        try {
            return Option.some(Base64.getDecoder().decode(unpadded));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Standard base64 without padding, as PHC strings write it. */
    static String toBase64(byte[] bytes) {
        return BASE64_NO_PADDING.encodeToString(bytes);
    }
}
