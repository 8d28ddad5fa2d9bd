package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PBKDF2 with HMAC over any digest of {@link Digests}, written as Auth0 documents it,
 * {@code $pbkdf2-sha512$i=100000,l=64$<salt>$<hash>} (salt and hash base64, unpadded), or as
 * passlib writes it, {@code $pbkdf2-sha256$29000$<salt>$<hash>} ({@code $pbkdf2$} is SHA-1).
 * Keycloak's PBKDF2 credentials are converted to the first form.
 */
final class Pbkdf2Hash implements PasswordHash {
    static final int MAX_ITERATIONS = 10_000_000;
    /** Auth0's defaults when {@code i} or {@code l} is left out. */
    private static final int DEFAULT_ITERATIONS = 100_000;
    private static final Pattern PHC = Pattern.compile(
            "\\$pbkdf2(?:-([A-Za-z0-9-]{2,16}))?\\$([^$]+)\\$([A-Za-z0-9+/.=_-]*)\\$([A-Za-z0-9+/.=_-]+)");

    private final String digest;
    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private Pbkdf2Hash(String digest, int iterations, byte[] salt, byte[] hash) {
        this.digest = digest;
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** The PHC string of Auth0's form for these values. */
    static String encode(String digest, int iterations, byte[] salt, byte[] hash) {
        return "$pbkdf2-" + digest + "$i=" + iterations + ",l=" + hash.length + "$" + Encodings.toBase64(salt)
                + "$" + Encodings.toBase64(hash);
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Either.left("pbkdf2: not a PHC string ($pbkdf2-<digest>$i=...,l=...$salt$hash)");
        }
        Option<String> digest = m.group(1) == null ? Option.some("sha1") : Digests.canonical(m.group(1));
        if (digest.isEmpty()) {
            return Either.left("pbkdf2: unknown digest");
        }
        Option<byte[]> salt = Encodings.base64(m.group(3));
        Option<byte[]> hash = Encodings.base64(m.group(4)).filter(h -> h.length >= 8 && h.length <= 1024);
        if (salt.isEmpty() || hash.isEmpty()) {
            return Either.left("pbkdf2: the salt or the hash is not base64 (a hash of 8 to 1024 bytes)");
        }
        return iterations(m.group(2), hash.get().length)
                .map(iterations -> new Pbkdf2Hash(digest.get(), iterations, salt.get(), hash.get()));
    }

    private static Either<String, Integer> iterations(String segment, int hashLength) {
        if (!segment.contains("=")) {
            return PhcParameters.bounded("pbkdf2: the iteration count", segment, 1, MAX_ITERATIONS);
        }
        return PhcParameters.parse("pbkdf2", segment).flatMap(p -> p.only("i", "l")).flatMap(p ->
                p.number("l", 1, 1024, Option.some(hashLength))
                        .filterOrElse(l -> l == hashLength, l -> "pbkdf2: l says " + l + " bytes, the hash has " + hashLength)
                        .flatMap(l -> p.number("i", 1, MAX_ITERATIONS, Option.some(DEFAULT_ITERATIONS))));
    }

    @Override
    public boolean matches(byte[] password) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(Digests.create(digest));
        generator.init(password, salt, iterations);
        byte[] actual = ((KeyParameter) generator.generateDerivedParameters(hash.length * 8)).getKey();
        return MessageDigest.isEqual(hash, actual);
    }

    @Override
    public boolean costly() {
        return true;
    }

    @Override
    public String scheme() {
        return "pbkdf2-" + digest;
    }

    @Override
    public String toString() {
        return "Pbkdf2Hash[" + scheme() + ", <redacted>]";
    }
}
