package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Option;

/**
 * Auth0's {@code custom_password_hash} object of a users file, field for field, for
 * {@link Auth0PasswordHashes#fromCustomPasswordHash}: an import job maps its JSON onto it.
 * Absent optional fields are {@code Option.none()}; {@code toString} never shows a value.
 *
 * @param algorithm argon2, bcrypt, hmac, ldap, md4, md5, sha1, sha256, sha512, pbkdf2 (and scrypt, Twofold's addition)
 * @param passwordEncoding {@code password.encoding}: ascii, utf8 (default), utf16le, ucs2, latin1 or binary
 */
public record CustomPasswordHash(String algorithm, Hash hash, Option<Salt> salt, Option<String> passwordEncoding) {

    /**
     * {@code hash}: the value, its encoding (base64, hex or utf8), and for {@code hmac} the digest and key.
     */
    public record Hash(String value, Option<String> encoding, Option<String> digest, Option<Key> key) {
        @Override
        public String toString() {
            return "Hash[<redacted>, encoding=" + encoding.getOrElse("-") + ", digest=" + digest.getOrElse("-") + "]";
        }
    }

    /** {@code hash.key} of an {@code hmac} hash: its value and encoding (base64, hex or utf8, the default). */
    public record Key(String value, Option<String> encoding) {
        @Override
        public String toString() {
            return "Key[<redacted>]";
        }
    }

    /** {@code salt}: its value, encoding (base64, hex or utf8, the default) and position (prefix, the default, or suffix). */
    public record Salt(String value, Option<String> encoding, Option<String> position) {
        @Override
        public String toString() {
            return "Salt[<redacted>, position=" + position.getOrElse("prefix") + "]";
        }
    }

    /** A hash with no salt and the default password encoding. */
    public static CustomPasswordHash of(String algorithm, Hash hash) {
        return new CustomPasswordHash(algorithm, hash, Option.none(), Option.none());
    }

    /** A hash value in the given encoding, with no digest or key. */
    public static Hash hash(String value, String encoding) {
        return new Hash(value, Option.some(encoding), Option.none(), Option.none());
    }

    public CustomPasswordHash withSalt(Salt salt) {
        return new CustomPasswordHash(algorithm, hash, Option.some(salt), passwordEncoding);
    }

    public CustomPasswordHash withPasswordEncoding(String encoding) {
        return new CustomPasswordHash(algorithm, hash, salt, Option.some(encoding));
    }

    @Override
    public String toString() {
        return "CustomPasswordHash[algorithm=" + algorithm + ", " + hash + ", salt=" + salt.map(Salt::toString).getOrElse("-")
                + ", passwordEncoding=" + passwordEncoding.getOrElse("utf8") + "]";
    }
}
