package io.twofold.mfa.secret.internal;

import io.vavr.control.Option;

/**
 * The shape of a recovery code: 24 symbols of A–Z without I and O, and 1–9 (no 0), so that no
 * two symbols are easily confused. Users may type it in lowercase, with spaces or hyphens.
 */
public final class RecoveryCodes {
    public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789";
    public static final int LENGTH = 24;

    private RecoveryCodes() {
    }

    /**
     * The canonical form (uppercase, spaces and hyphens removed) that is hashed and compared;
     * none when the input cannot be a recovery code.
     */
    public static Option<String> normalize(String raw) {
        if (raw == null) {
            return Option.none();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            // ASCII only: String.toUpperCase would turn some non-ASCII letters into ASCII ones.
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            if (ALPHABET.indexOf(upper) < 0 || code.length() == LENGTH) {
                return Option.none();
            }
            code.append(upper);
        }
        return code.length() == LENGTH ? Option.some(code.toString()) : Option.none();
    }
}
