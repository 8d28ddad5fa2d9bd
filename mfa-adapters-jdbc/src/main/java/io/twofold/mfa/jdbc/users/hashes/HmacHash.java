package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HMAC of the password (optionally salted before or after) under a key: Auth0's {@code hmac}
 * algorithm, with any digest of {@link Digests}. Twofold's own string:
 * {@code $twofold-hmac$d=sha1,s=none$<salt hex>$<key hex>$<hash hex>}. Weak: only ever checked, then replaced.
 */
final class HmacHash implements PasswordHash {
    static final String PREFIX = "$twofold-hmac$";
    private static final Pattern FORM = Pattern.compile(
            "\\$twofold-hmac\\$([^$]+)\\$([0-9a-f]*)\\$([0-9a-f]+)\\$([0-9a-f]+)");

    private final String digest;
    private final SaltPosition position;
    private final byte[] salt;
    private final byte[] key;
    private final byte[] hash;

    private HmacHash(String digest, SaltPosition position, byte[] salt, byte[] key, byte[] hash) {
        this.digest = digest;
        this.position = position;
        this.salt = salt;
        this.key = key;
        this.hash = hash;
    }

    static String encode(String digest, SaltPosition position, byte[] salt, byte[] key, byte[] hash) {
        return PREFIX + "d=" + digest + ",s=" + position.label() + "$" + Encodings.toHex(salt) + "$"
                + Encodings.toHex(key) + "$" + Encodings.toHex(hash);
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = FORM.matcher(encoded);
        if (!m.matches()) {
            return Either.left("hmac: not " + PREFIX + "d=...,s=...$<salt hex>$<key hex>$<hash hex>");
        }
        return PhcParameters.parse("hmac", m.group(1)).flatMap(p -> p.only("d", "s")).flatMap(p -> {
            Option<String> digest = p.text("d").flatMap(Digests::canonical);
            Option<SaltPosition> position = p.text("s").flatMap(SaltPosition::named);
            if (digest.isEmpty() || position.isEmpty()) {
                return Either.left("hmac: unknown digest or salt position");
            }
            return Salts.check("hmac", position.get(), m.group(2)).flatMap(salt ->
                    Encodings.hex("hmac: the key", m.group(3)).flatMap(key ->
                    Encodings.hex("hmac: the hash", m.group(4))
                            .filterOrElse(hash -> hash.length == Digests.size(digest.get()),
                                    hash -> "hmac: the hash is not as long as a " + digest.get() + " digest")
                            .map(hash -> new HmacHash(digest.get(), position.get(), salt, key, hash))));
        });
    }

    @Override
    public boolean matches(byte[] password) {
        HMac mac = new HMac(Digests.create(digest));
        mac.init(new KeyParameter(key));
        for (byte[] part : position.arrange(salt, password)) {
            mac.update(part, 0, part.length);
        }
        byte[] actual = new byte[mac.getMacSize()];
        mac.doFinal(actual, 0);
        return MessageDigest.isEqual(hash, actual);
    }

    @Override
    public boolean costly() {
        return false;
    }

    @Override
    public String scheme() {
        return "hmac-" + digest;
    }

    @Override
    public String toString() {
        return "HmacHash[" + scheme() + ", <redacted>]";
    }
}
