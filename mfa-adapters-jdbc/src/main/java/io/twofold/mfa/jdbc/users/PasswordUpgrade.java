package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.UserId;

/**
 * Replaces a hash in an outdated scheme (an imported bcrypt, PBKDF2, salted SHA-256... or Argon2id
 * with older parameters) by Argon2id with the current parameters, right after the password matched it.
 */
final class PasswordUpgrade {
    private final Handles handles;
    private final Argon2idHasher hasher;

    PasswordUpgrade(Handles handles, Argon2idHasher hasher) {
        this.handles = handles;
        this.hasher = hasher;
    }

    /**
     * Stores the new hash only if the row still holds {@code oldHash}: one conditional update, so of
     * two first logins at once exactly one rewrites the row (the other's hash of the same password
     * is dropped), and a password changed meanwhile is never overwritten by the old one.
     *
     * @return whether this call rewrote the row
     */
    boolean rehash(UserId id, String oldHash, String password) {
        String fresh = hasher.hash(password);
        return handles.withHandle(handle -> handle.createUpdate(
                        "UPDATE users SET password_hash = :fresh WHERE id = :id AND password_hash = :old")
                .bind("fresh", fresh)
                .bind("id", id.value())
                .bind("old", oldHash)
                .execute()) == 1;
    }
}
