package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;
import org.bouncycastle.crypto.generators.SCrypt;

import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scrypt in passlib's PHC form, {@code $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>} (salt and
 * hash base64, unpadded): neither Auth0 nor Keycloak defines a string for it, and this is the one
 * in use.
 */
final class ScryptHash implements PasswordHash {
    /** 256 MiB, what 128 * N * r may take, as for Argon2. */
    static final long MAX_MEMORY_BYTES = 256L * 1024 * 1024;
    private static final Pattern PHC = Pattern.compile("\\$scrypt\\$([^$]+)\\$([A-Za-z0-9+/.=_-]+)\\$([A-Za-z0-9+/.=_-]+)");

    private final int logN;
    private final int blockSize;
    private final int parallelism;
    private final byte[] salt;
    private final byte[] hash;

    private ScryptHash(int logN, int blockSize, int parallelism, byte[] salt, byte[] hash) {
        this.logN = logN;
        this.blockSize = blockSize;
        this.parallelism = parallelism;
        this.salt = salt;
        this.hash = hash;
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Either.left("scrypt: not a PHC string ($scrypt$ln=...,r=...,p=...$salt$hash)");
        }
        Option<byte[]> salt = Encodings.base64(m.group(2));
        Option<byte[]> hash = Encodings.base64(m.group(3)).filter(h -> h.length >= 8 && h.length <= 1024);
        if (salt.isEmpty() || hash.isEmpty()) {
            return Either.left("scrypt: the salt or the hash is not base64 (a hash of 8 to 1024 bytes)");
        }
        return PhcParameters.parse("scrypt", m.group(1)).flatMap(p -> p.only("ln", "r", "p")).flatMap(p ->
                p.number("ln", 1, 24, Option.none()).flatMap(logN ->
                p.number("r", 1, 64, Option.none()).flatMap(r ->
                p.number("p", 1, 16, Option.none())
                        .filterOrElse(ignored -> 128L * r * (1L << logN) <= MAX_MEMORY_BYTES,
                                ignored -> "scrypt: N and r ask for more than 256 MiB")
                        .map(parallel -> new ScryptHash(logN, r, parallel, salt.get(), hash.get())))));
    }

    @Override
    public boolean matches(byte[] password) {
        byte[] actual = SCrypt.generate(password, salt, 1 << logN, blockSize, parallelism, hash.length);
        return MessageDigest.isEqual(hash, actual);
    }

    @Override
    public boolean costly() {
        return true;
    }

    @Override
    public String scheme() {
        return "scrypt";
    }

    @Override
    public String toString() {
        return "ScryptHash[<redacted>]";
    }
}
