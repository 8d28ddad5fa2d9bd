package io.twofold.mfa.jdbc.users.hashes;

import io.twofold.mfa.jdbc.users.hashes.CustomPasswordHash.Hash;
import io.twofold.mfa.jdbc.users.hashes.CustomPasswordHash.Salt;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Auth0's user-file password fields (Management API spec, section 7.4) to a {@link StoredHash}:
 * {@code password_hash} (bcrypt) and {@code custom_password_hash}. A refusal is a reason fit for an
 * import job's error line; it names fields, never a hash, salt or key.
 */
public final class Auth0PasswordHashes {
    private static final List<String> PLAIN_DIGESTS = List.of("md4", "md5", "sha1", "sha256", "sha512");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private Auth0PasswordHashes() {
    }

    /** {@code password_hash}: a bcrypt string, {@code $2a$} or {@code $2b$} (and htpasswd's {@code $2y$}). */
    public static Either<String, StoredHash> fromPasswordHash(String bcrypt) {
        if (bcrypt == null || !bcrypt.startsWith("$2")) {
            return Either.left("password_hash must be a bcrypt hash ($2a$, $2b$ or $2y$)");
        }
        return StoredHash.parse(bcrypt).mapLeft(reason -> "password_hash: " + reason);
    }

    /** {@code custom_password_hash}, with the rules Auth0 documents per algorithm. */
    public static Either<String, StoredHash> fromCustomPasswordHash(CustomPasswordHash custom) {
        if (custom == null || custom.algorithm() == null || custom.hash() == null || custom.hash().value() == null) {
            return Either.left("custom_password_hash needs an algorithm and a hash with a value");
        }
        String algorithm = custom.algorithm().toLowerCase(Locale.ROOT);
        Either<String, String> encoded;
        switch (algorithm) {
            case "argon2":
                encoded = phc(custom, "$argon2", "a $argon2...$ PHC string");
                break;
            case "bcrypt":
                encoded = phc(custom, "$2", "a $2a$/$2b$ bcrypt string");
                break;
            case "pbkdf2":
                encoded = phc(custom, "$pbkdf2", "a $pbkdf2-<digest>$i=...,l=...$salt$hash PHC string");
                break;
            case "scrypt":
                encoded = phc(custom, "$scrypt$", "a $scrypt$ln=...,r=...,p=...$salt$hash PHC string");
                break;
            case "ldap":
                encoded = phc(custom, "{", "an LDAP {SHA}/{SSHA}/{MD5}/... value");
                break;
            case "hmac":
                encoded = hmac(custom);
                break;
            default:
                encoded = PLAIN_DIGESTS.contains(algorithm) ? digest(algorithm, custom)
                        : Either.left("custom_password_hash.algorithm must be one of argon2, bcrypt, hmac, ldap, md4, md5,"
                                + " sha1, sha256, sha512, pbkdf2, scrypt");
        }
        return encoded.flatMap(inner -> transcoded(custom, inner))
                .flatMap(StoredHash::parse)
                .mapLeft(reason -> reason.startsWith("custom_password_hash") ? reason : "custom_password_hash: " + reason);
    }

    /** The schemes whose hash is a whole string of their own: utf8, no salt, no digest or key. */
    private static Either<String, String> phc(CustomPasswordHash custom, String prefix, String expected) {
        Hash hash = custom.hash();
        String algorithm = custom.algorithm().toLowerCase(Locale.ROOT);
        if (hash.encoding().isDefined() && !hash.encoding().get().equalsIgnoreCase("utf8")) {
            return Either.left("custom_password_hash.hash.encoding must be utf8 for " + algorithm);
        }
        if (custom.salt().isDefined() || hash.digest().isDefined() || hash.key().isDefined()) {
            return Either.left("custom_password_hash for " + algorithm + " takes no salt, digest or key (they are in the hash)");
        }
        return hash.value().startsWith(prefix) ? Either.right(hash.value())
                : Either.left("custom_password_hash.hash.value must be " + expected);
    }

    private static Either<String, String> digest(String algorithm, CustomPasswordHash custom) {
        if (custom.hash().digest().isDefined() || custom.hash().key().isDefined()) {
            return Either.left("custom_password_hash for " + algorithm + " takes no digest or key (hmac does)");
        }
        return hashBytes(custom.hash(), algorithm).flatMap(hash -> salt(custom.salt()).map(salt ->
                SaltedDigestHash.encode(algorithm, salt._1, salt._2, hash)));
    }

    private static Either<String, String> hmac(CustomPasswordHash custom) {
        Hash hash = custom.hash();
        Option<String> digest = hash.digest().flatMap(Digests::canonical);
        if (digest.isEmpty()) {
            return Either.left("custom_password_hash.hash.digest is required for hmac: md4, md5, ripemd160, sha1, sha224,"
                    + " sha256, sha384, sha512 or whirlpool");
        }
        if (hash.key().isEmpty() || hash.key().get().value() == null || hash.key().get().value().isEmpty()) {
            return Either.left("custom_password_hash.hash.key.value is required for hmac");
        }
        CustomPasswordHash.Key key = hash.key().get();
        return Encodings.decode("custom_password_hash.hash.key", key.value(), key.encoding().getOrElse("utf8"))
                .flatMap(keyBytes -> hashBytes(hash, digest.get()).flatMap(hashBytes -> salt(custom.salt()).map(salt ->
                        HmacHash.encode(digest.get(), salt._1, salt._2, keyBytes, hashBytes))));
    }

    /**
     * The hash's bytes from hex or base64, as long as the digest's. Without an encoding, the
     * length tells: a digest's hex and base64 are never of one length.
     */
    private static Either<String, byte[]> hashBytes(Hash hash, String digest) {
        int size = Digests.size(digest);
        String value = hash.value();
        String encoding = hash.encoding().getOrElse(() ->
                value.length() == 2 * size && HEX.matcher(value).matches() ? "hex" : "base64");
        if (!encoding.equalsIgnoreCase("hex") && !encoding.equalsIgnoreCase("base64")) {
            return Either.left("custom_password_hash.hash.encoding must be hex or base64 for " + digest);
        }
        return Encodings.decode("custom_password_hash.hash.value", value, encoding)
                .filterOrElse(bytes -> bytes.length == size,
                        bytes -> "custom_password_hash.hash.value is not a " + digest + " digest (" + size + " bytes)");
    }

    private static Either<String, Tuple2<SaltPosition, byte[]>> salt(Option<Salt> salt) {
        if (salt.isEmpty()) {
            return Either.right(Tuple.of(SaltPosition.NONE, new byte[0]));
        }
        Salt given = salt.get();
        if (given.value() == null || given.value().isEmpty()) {
            return Either.left("custom_password_hash.salt.value is required when there is a salt");
        }
        Option<SaltPosition> position = given.position().map(SaltPosition::named).getOrElse(Option.some(SaltPosition.PREFIX))
                .filter(p -> p != SaltPosition.NONE);
        if (position.isEmpty()) {
            return Either.left("custom_password_hash.salt.position must be prefix or suffix");
        }
        return Encodings.decode("custom_password_hash.salt", given.value(), given.encoding().getOrElse("utf8"))
                .map(bytes -> Tuple.of(position.get(), bytes));
    }

    private static Either<String, String> transcoded(CustomPasswordHash custom, String inner) {
        if (custom.passwordEncoding().isEmpty()) {
            return Either.right(inner);
        }
        return PasswordEncoding.named(custom.passwordEncoding().get())
                .toEither("custom_password_hash.password.encoding must be ascii, utf8, utf16le, ucs2, latin1 or binary")
                .map(encoding -> encoding == PasswordEncoding.UTF8 ? inner : TranscodedHash.encode(encoding, inner));
    }
}
