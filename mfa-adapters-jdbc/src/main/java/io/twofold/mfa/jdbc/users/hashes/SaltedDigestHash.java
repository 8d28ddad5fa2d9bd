package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One plain digest of the password, with or without a salt before or after it: Auth0's
 * {@code md4}, {@code md5}, {@code sha1}, {@code sha256} and {@code sha512} algorithms. No standard
 * string exists, so Twofold writes its own: {@code $twofold-digest$d=sha256,s=prefix$<salt hex>$<hash hex>}
 * ({@code s=none} with an empty salt). Weak: such a hash is only ever checked, then replaced.
 */
final class SaltedDigestHash implements PasswordHash {
    static final String PREFIX = "$twofold-digest$";
    private static final Pattern FORM = Pattern.compile("\\$twofold-digest\\$([^$]+)\\$([0-9a-f]*)\\$([0-9a-f]+)");

    private final String digest;
    private final SaltPosition position;
    private final byte[] salt;
    private final byte[] hash;

    private SaltedDigestHash(String digest, SaltPosition position, byte[] salt, byte[] hash) {
        this.digest = digest;
        this.position = position;
        this.salt = salt;
        this.hash = hash;
    }

    static String encode(String digest, SaltPosition position, byte[] salt, byte[] hash) {
        return PREFIX + "d=" + digest + ",s=" + position.label() + "$" + Encodings.toHex(salt) + "$" + Encodings.toHex(hash);
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = FORM.matcher(encoded);
        if (!m.matches()) {
            return Either.left("digest: not " + PREFIX + "d=...,s=...$<salt hex>$<hash hex>");
        }
        return PhcParameters.parse("digest", m.group(1)).flatMap(p -> p.only("d", "s")).flatMap(p -> {
            Option<String> digest = p.text("d").flatMap(Digests::canonical);
            Option<SaltPosition> position = p.text("s").flatMap(SaltPosition::named);
            if (digest.isEmpty() || position.isEmpty()) {
                return Either.left("digest: unknown digest or salt position");
            }
            return Salts.check("digest", position.get(), m.group(2)).flatMap(salt ->
                    Encodings.hex("digest: the hash", m.group(3))
                            .filterOrElse(hash -> hash.length == Digests.size(digest.get()),
                                    hash -> "digest: the hash is not as long as a " + digest.get() + " digest")
                            .map(hash -> new SaltedDigestHash(digest.get(), position.get(), salt, hash)));
        });
    }

    @Override
    public boolean matches(byte[] password) {
        return MessageDigest.isEqual(hash, Digests.digest(digest, position.arrange(salt, password)));
    }

    @Override
    public boolean costly() {
        return false;
    }

    @Override
    public String scheme() {
        return position == SaltPosition.NONE ? digest : "salted-" + digest;
    }

    @Override
    public String toString() {
        return "SaltedDigestHash[" + scheme() + ", <redacted>]";
    }
}
