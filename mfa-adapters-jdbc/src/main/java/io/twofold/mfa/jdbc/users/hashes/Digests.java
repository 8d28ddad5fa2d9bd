package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.WhirlpoolDigest;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The message digests imported hashes name, by the names Auth0's schema and Node's crypto use,
 * all from Bouncy Castle (the JDK has no MD4, RIPEMD-160 or Whirlpool).
 */
final class Digests {
    private static final Map<String, Supplier<Digest>> BY_NAME = HashMap.<String, Supplier<Digest>>empty()
            .put("md4", MD4Digest::new)
            .put("md5", MD5Digest::new)
            .put("ripemd160", RIPEMD160Digest::new)
            .put("sha1", SHA1Digest::new)
            .put("sha224", SHA224Digest::new)
            .put("sha256", SHA256Digest::new)
            .put("sha384", SHA384Digest::new)
            .put("sha512", SHA512Digest::new)
            .put("whirlpool", WhirlpoolDigest::new);

    private Digests() {
    }

    /**
     * The canonical name ({@code sha256}) of a digest written as Auth0 or Node may write it:
     * {@code SHA256}, {@code sha-256}, {@code RSA-SHA256}, {@code rmd160}.
     */
    static Option<String> canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "");
        if (n.startsWith("rsa")) {
            n = n.substring(3);
        }
        if (n.equals("rmd160")) {
            n = "ripemd160";
        }
        return BY_NAME.containsKey(n) ? Option.some(n) : Option.none();
    }

    /** A new digest by canonical name; the name was checked with {@link #canonical}. */
    static Digest create(String canonicalName) {
        return BY_NAME.get(canonicalName).getOrElseThrow(() -> new IllegalArgumentException("unknown digest"))
                .get();
    }

    /** The digest of the parts, one after the other. */
    static byte[] digest(String canonicalName, byte[]... parts) {
        Digest digest = create(canonicalName);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static int size(String canonicalName) {
        return create(canonicalName).getDigestSize();
    }
}
