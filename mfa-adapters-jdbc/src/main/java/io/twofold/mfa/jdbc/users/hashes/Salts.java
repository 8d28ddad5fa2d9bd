package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;

/** The salt segment of Twofold's own forms: hex, empty exactly when the position is {@code none}. */
final class Salts {
    private Salts() {
    }

    static Either<String, byte[]> check(String scheme, SaltPosition position, String hex) {
        if ((position == SaltPosition.NONE) != hex.isEmpty()) {
            return Either.left(scheme + ": a salt goes with s=prefix or s=suffix, none with s=none");
        }
        return Encodings.hex(scheme + ": the salt", hex);
    }
}
