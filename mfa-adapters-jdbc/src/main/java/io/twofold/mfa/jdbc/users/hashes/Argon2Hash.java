package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2i, Argon2d or Argon2id in the PHC string format, any parameters within bounds, version 1.3
 * ({@code v=19}) or 1.0 ({@code v=16}, or no {@code v} at all as the reference tool wrote it before 1.3).
 */
final class Argon2Hash implements PasswordHash {
    /** 256 MiB: more would let one imported hash take a node's heap. */
    static final int MAX_MEMORY_KIB = 262_144;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2(id|i|d)(?:\\$v=([0-9]{1,3}))?\\$([^$]+)\\$([A-Za-z0-9+/.=_-]+)\\$([A-Za-z0-9+/.=_-]+)");

    private final String variant;
    private final int type;
    private final int version;
    private final int memoryKib;
    private final int iterations;
    private final int lanes;
    private final byte[] salt;
    private final byte[] hash;

    private Argon2Hash(String variant, int version, int memoryKib, int iterations, int lanes, byte[] salt, byte[] hash) {
        this.variant = variant;
        this.type = variant.equals("id") ? Argon2Parameters.ARGON2_id
                : variant.equals("i") ? Argon2Parameters.ARGON2_i : Argon2Parameters.ARGON2_d;
        this.version = version;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.lanes = lanes;
        this.salt = salt;
        this.hash = hash;
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Either.left("argon2: not a PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash)");
        }
        String variant = m.group(1);
        int version = m.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(m.group(2));
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            return Either.left("argon2: version must be 16 or 19");
        }
        return PhcParameters.parse("argon2", m.group(3)).flatMap(p -> p.only("m", "t", "p")).flatMap(p ->
                p.number("p", 1, 64, Option.none()).flatMap(lanes ->
                p.number("m", 8L * lanes, MAX_MEMORY_KIB, Option.none()).flatMap(memory ->
                p.number("t", 1, 64, Option.none()).flatMap(iterations ->
                bytes("salt", m.group(4), 8).flatMap(salt ->
                bytes("hash", m.group(5), 4).map(hash ->
                        new Argon2Hash(variant, version, memory, iterations, lanes, salt, hash)))))));
    }

    private static Either<String, byte[]> bytes(String what, String text, int min) {
        return Encodings.base64(text).filter(b -> b.length >= min && b.length <= 1024)
                .toEither("argon2: the " + what + " is not base64 of " + min + " to 1024 bytes");
    }

    @Override
    public boolean matches(byte[] password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] actual = new byte[hash.length];
        generator.generateBytes(password, actual);
        // Constant time: how many leading bytes match must not show in the timing.
        return MessageDigest.isEqual(hash, actual);
    }

    @Override
    public boolean costly() {
        return true;
    }

    @Override
    public String scheme() {
        return "argon2" + variant;
    }

    @Override
    public String toString() {
        return "Argon2Hash[" + scheme() + ", <redacted>]";
    }
}
