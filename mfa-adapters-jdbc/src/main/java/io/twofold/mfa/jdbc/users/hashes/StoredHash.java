package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;

import java.nio.charset.StandardCharsets;

/**
 * A password hash as the {@code users.password_hash} column holds it, in any scheme Twofold can
 * check, recognised by its prefix:
 * <ul>
 *   <li>{@code $argon2id$}, {@code $argon2i$}, {@code $argon2d$}: Argon2 PHC strings (Twofold's own are Argon2id);</li>
 *   <li>{@code $2a$}, {@code $2b$}, {@code $2y$}: bcrypt;</li>
 *   <li>{@code $pbkdf2-<digest>$}, {@code $pbkdf2$}: PBKDF2 (Auth0's and passlib's PHC forms, Keycloak's converted);</li>
 *   <li>{@code $scrypt$}: scrypt (passlib's PHC form);</li>
 *   <li>{@code $twofold-digest$}: a plain digest, salted before or after or not at all;</li>
 *   <li>{@code $twofold-hmac$}: an HMAC under a key;</li>
 *   <li>{@code {SHA}}, {@code {SSHA}}, {@code {MD5}}, ...: LDAP {@code userPassword} values;</li>
 *   <li>{@code $twofold-pw$}: any of these over a password written in Latin-1 or UTF-16LE.</li>
 * </ul>
 * Only Twofold's current Argon2id is ever made for a new password; the others are checked once and
 * replaced on the first successful login. {@code toString} never shows the hash.
 */
public final class StoredHash {
    /** What the column holds at most. */
    public static final int MAX_LENGTH = 1024;

    private final String encoded;
    private final PasswordHash hash;

    private StoredHash(String encoded, PasswordHash hash) {
        this.encoded = encoded;
        this.hash = hash;
    }

    /** Reads a stored hash; a refusal says why without quoting it. */
    public static Either<String, StoredHash> parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Either.left("the password hash is empty");
        }
        if (encoded.length() > MAX_LENGTH) {
            return Either.left("the password hash is longer than " + MAX_LENGTH + " characters");
        }
        return scheme(encoded).map(hash -> new StoredHash(encoded, hash));
    }

    /** The scheme a stored string is written in, found by its prefix. */
    static Either<String, PasswordHash> scheme(String encoded) {
        if (encoded.startsWith("$argon2")) {
            return Argon2Hash.parse(encoded);
        }
        if (encoded.startsWith("$2")) {
            return BcryptHash.parse(encoded);
        }
        if (encoded.startsWith("$pbkdf2")) {
            return Pbkdf2Hash.parse(encoded);
        }
        if (encoded.startsWith("$scrypt$")) {
            return ScryptHash.parse(encoded);
        }
        if (encoded.startsWith(SaltedDigestHash.PREFIX)) {
            return SaltedDigestHash.parse(encoded);
        }
        if (encoded.startsWith(HmacHash.PREFIX)) {
            return HmacHash.parse(encoded);
        }
        if (encoded.startsWith(TranscodedHash.PREFIX)) {
            return TranscodedHash.parse(encoded);
        }
        if (encoded.startsWith("{")) {
            return LdapHash.parse(encoded);
        }
        return Either.left("the password hash is in no format Twofold knows");
    }

    /** What goes into the column. */
    public String encoded() {
        return encoded;
    }

    /** The scheme's name ({@code bcrypt}, {@code argon2id}, {@code pbkdf2-sha256}, {@code salted-sha256}...). */
    public String scheme() {
        return hash.scheme();
    }

    /**
     * Whether checking it costs what a password hash is meant to cost (bcrypt, scrypt, Argon2,
     * PBKDF2): the caller then runs {@link #matches} under a hashing permit.
     */
    public boolean costly() {
        return hash.costly();
    }

    /** Whether the password matches, in the hash's own scheme; every comparison is constant-time. */
    public boolean matches(String password) {
        return hash.matches(password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredHash && ((StoredHash) other).encoded.equals(encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    @Override
    public String toString() {
        return "StoredHash[" + hash.scheme() + ", <redacted>]";
    }
}
