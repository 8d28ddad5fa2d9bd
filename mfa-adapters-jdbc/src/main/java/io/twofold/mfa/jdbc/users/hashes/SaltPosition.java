package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Option;

import java.util.Locale;

/** Where a salt goes relative to the password before a digest or MAC: {@code MD5(salt + password)} is {@code PREFIX}. */
enum SaltPosition {
    PREFIX, SUFFIX, NONE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Option<SaltPosition> named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "prefix":
                return Option.some(PREFIX);
            case "suffix":
                return Option.some(SUFFIX);
            case "none":
                return Option.some(NONE);
            default:
                return Option.none();
        }
    }

    /** The bytes to digest: salt and password in this order. */
    byte[][] arrange(byte[] salt, byte[] password) {
        return this == PREFIX ? new byte[][] {salt, password}
                : this == SUFFIX ? new byte[][] {password, salt} : new byte[][] {password};
    }
}
