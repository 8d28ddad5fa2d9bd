package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt in the modular crypt format: {@code $2a$}, {@code $2b$} or {@code $2y$} (htpasswd's),
 * which differ only in bugs of old implementations that do not touch a correct hash.
 */
final class BcryptHash implements PasswordHash {
    /** 2^16 rounds, some seconds a check: more than any real deployment used. */
    static final int MAX_COST = 16;
    private static final Pattern MCF = Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$[./A-Za-z0-9]{53}");

    private final String encoded;

    private BcryptHash(String encoded) {
        this.encoded = encoded;
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = MCF.matcher(encoded);
        if (!m.matches()) {
            return Either.left("bcrypt: not a $2a$/$2b$/$2y$ hash of 60 characters");
        }
        return PhcParameters.bounded("bcrypt: the cost", m.group(1), 4, MAX_COST).map(cost -> new BcryptHash(encoded));
    }

    @Override
    public boolean matches(byte[] password) {
        // Bouncy Castle compares the whole recomputed string in constant time; passwords over 72 bytes
        // are cut at 72, as OpenBSD's and htpasswd's bcrypt cut them.
        return OpenBSDBCrypt.checkPassword(encoded, password);
    }

    @Override
    public boolean costly() {
        return true;
    }

    @Override
    public String scheme() {
        return "bcrypt";
    }

    @Override
    public String toString() {
        return "BcryptHash[<redacted>]";
    }
}
