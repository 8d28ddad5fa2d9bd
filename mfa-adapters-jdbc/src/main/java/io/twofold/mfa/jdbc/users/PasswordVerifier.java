package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.vavr.control.Option;

/**
 * Checks a password against what a user's row holds, in whatever scheme it is (Twofold's Argon2id,
 * or a hash imported from elsewhere), and says whether the row should be rehashed.
 * <p>
 * Timing (DESIGN invariant 8): an unknown user costs one Argon2id verification of a dummy hash made
 * with the current parameters; so does a known user with a current hash. A hash in another scheme
 * that does not match is followed by that same dummy verification, and one that matches by the
 * Argon2id rehash, so a wrong password costs at least what an unknown user costs, whatever the
 * scheme. What remains visible is the imported scheme's own cost, until the user's first login
 * replaces it. Costly schemes wait for the same hashing permits as Argon2id.
 */
final class PasswordVerifier {
    /** What a check found. */
    enum Verdict {
        MATCHES,
        /** The password matches a hash in another scheme or with older parameters: rehash it now. */
        MATCHES_OUTDATED,
        DOES_NOT_MATCH
    }

    private final Argon2idHasher hasher;
    private final String dummyHash;

    PasswordVerifier(Argon2idHasher hasher) {
        this.hasher = hasher;
        // Made with the current parameters, so it costs what a real user's verification costs.
        this.dummyHash = hasher.hash("twofold-dummy-password");
    }

    /** Checks {@code password} against the stored hash, or against the dummy hash when there is no user. */
    Verdict check(String password, Option<String> stored) {
        if (stored.isEmpty()) {
            // The dummy hash waits for a hashing permit like a real one, so queueing does not tell them apart either.
            hasher.verify(password, dummyHash);
            return Verdict.DOES_NOT_MATCH;
        }
        String hash = stored.get();
        if (hasher.isCurrent(hash)) {
            return hasher.verify(password, hash) ? Verdict.MATCHES : Verdict.DOES_NOT_MATCH;
        }
        // A row no scheme can read (corrupt, or hand-edited) matches nothing, and costs like the rest.
        boolean matches = StoredHash.parse(hash)
                .map(imported -> imported.costly()
                        ? hasher.withPermit(() -> imported.matches(password))
                        : imported.matches(password))
                .getOrElse(false);
        if (matches) {
            return Verdict.MATCHES_OUTDATED;
        }
        hasher.verify(password, dummyHash);
        return Verdict.DOES_NOT_MATCH;
    }
}
