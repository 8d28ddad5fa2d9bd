package io.twofold.mfa.jdbc.users.hashes;

/**
 * A stored password hash read in its own scheme: it checks a password's bytes. Implementations
 * carry salts, hashes and keys, so their {@code toString} says only the scheme.
 */
sealed interface PasswordHash permits Argon2Hash, BcryptHash, Pbkdf2Hash, ScryptHash, SaltedDigestHash, HmacHash,
        LdapHash, TranscodedHash {

    /** Whether the password (as bytes in the encoding it was hashed with) matches, compared in constant time. */
    boolean matches(byte[] password);

    /**
     * Whether one check costs what a password hash is meant to cost (memory, or thousands of
     * iterations): such a check waits for one of the node's hashing permits, like Argon2id.
     */
    boolean costly();

    /** The scheme's name, for logs and reports: {@code bcrypt}, {@code argon2}, {@code pbkdf2}... */
    String scheme();
}
