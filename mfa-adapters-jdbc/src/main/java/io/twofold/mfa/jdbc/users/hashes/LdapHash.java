package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LDAP {@code userPassword} value (RFC 2307 and its SHA-2 successors): {@code {SHA}}, {@code {MD5}},
 * {@code {SHA256}}, {@code {SHA384}}, {@code {SHA512}} hold base64 of the digest; their salted
 * {@code {S...}} twins hold base64 of the digest of password then salt, followed by the salt.
 * {@code {CRYPT}} is not taken (Auth0 refuses it too). Weak: only ever checked, then replaced.
 */
final class LdapHash implements PasswordHash {
    private static final Pattern FORM = Pattern.compile("\\{(S?)(SHA|MD5|SHA256|SHA384|SHA512)\\}([A-Za-z0-9+/]+={0,2})",
            Pattern.CASE_INSENSITIVE);

    private final String digest;
    private final boolean salted;
    private final byte[] salt;
    private final byte[] hash;

    private LdapHash(String digest, boolean salted, byte[] salt, byte[] hash) {
        this.digest = digest;
        this.salted = salted;
        this.salt = salt;
        this.hash = hash;
    }

    static Either<String, PasswordHash> parse(String encoded) {
        Matcher m = FORM.matcher(encoded);
        if (!m.matches()) {
            return Either.left("ldap: not {SHA}, {SSHA}, {MD5}, {SMD5}, {SHA256}, {SSHA256}, {SHA384}, {SSHA384},"
                    + " {SHA512} or {SSHA512} with base64");
        }
        boolean salted = !m.group(1).isEmpty();
        String name = m.group(2).toLowerCase(Locale.ROOT);
        String digest = name.equals("sha") ? "sha1" : name;
        int size = Digests.size(digest);
        Option<byte[]> value = Encodings.base64(m.group(3))
                .filter(bytes -> salted ? bytes.length > size : bytes.length == size);
        if (value.isEmpty()) {
            return Either.left("ldap: the value is not base64 of a " + digest + " digest" + (salted ? " and a salt" : ""));
        }
        byte[] bytes = value.get();
        return Either.right(new LdapHash(digest, salted, Arrays.copyOfRange(bytes, size, bytes.length),
                Arrays.copyOf(bytes, size)));
    }

    @Override
    public boolean matches(byte[] password) {
        byte[] actual = salted ? Digests.digest(digest, password, salt) : Digests.digest(digest, password);
        return MessageDigest.isEqual(hash, actual);
    }

    @Override
    public boolean costly() {
        return false;
    }

    @Override
    public String scheme() {
        return "ldap-" + (salted ? "s" : "") + digest;
    }

    @Override
    public String toString() {
        return "LdapHash[" + scheme() + ", <redacted>]";
    }
}
