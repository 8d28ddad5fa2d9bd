package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hash of the password's text in another encoding than UTF-8 (Auth0's {@code password.encoding}):
 * {@code $twofold-pw$e=latin1$<the stored form of the hash itself>}. The password arrives as UTF-8
 * bytes and is written in that encoding before the inner scheme checks it.
 */
final class TranscodedHash implements PasswordHash {
    static final String PREFIX = "$twofold-pw$";
    private static final Pattern FORM = Pattern.compile("\\$twofold-pw\\$e=([a-z0-9]{1,10})\\$(.+)");

    private final PasswordEncoding encoding;
    private final PasswordHash inner;

    private TranscodedHash(PasswordEncoding encoding, PasswordHash inner) {
        this.encoding = encoding;
        this.inner = inner;
    }

    static String encode(PasswordEncoding encoding, String inner) {
        return PREFIX + "e=" + encoding.label() + "$" + inner;
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = FORM.matcher(encoded);
        if (!m.matches() || m.group(2).startsWith(PREFIX)) {
            return Either.left("password encoding: not " + PREFIX + "e=<encoding>$<hash>");
        }
        Option<PasswordEncoding> encoding = PasswordEncoding.named(m.group(1)).filter(e -> e != PasswordEncoding.UTF8);
        if (encoding.isEmpty()) {
            return Either.left("password encoding: must be latin1 or utf16le");
        }
        return StoredHash.scheme(m.group(2)).map(inner -> new TranscodedHash(encoding.get(), inner));
    }

    @Override
    public boolean matches(byte[] password) {
        return inner.matches(encoding.encode(new String(password, StandardCharsets.UTF_8)));
    }

    @Override
    public boolean costly() {
        return inner.costly();
    }

    @Override
    public String scheme() {
        return inner.scheme() + "/" + encoding.label();
    }

    @Override
    public String toString() {
        return "TranscodedHash[" + scheme() + ", <redacted>]";
    }
}
