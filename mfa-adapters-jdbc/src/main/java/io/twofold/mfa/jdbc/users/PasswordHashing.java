package io.twofold.mfa.jdbc.users;

/**
 * Argon2id parameters for new password hashes. Stored hashes carry their own parameters, so
 * changing these affects only hashes made afterwards.
 */
public record PasswordHashing(int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {
    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane; 16-byte salt, 32-byte hash. */
    public static final PasswordHashing OWASP = new PasswordHashing(19456, 2, 1, 16, 32);

    public PasswordHashing {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || saltBytes < 8 || hashBytes < 16) {
            throw new IllegalArgumentException("Argon2id needs memory >= 8 KiB per lane, >= 1 iteration and lane,"
                    + " a salt of >= 8 bytes and a hash of >= 16 bytes");
        }
    }

    public static PasswordHashing defaults() {
        return OWASP;
    }
}
