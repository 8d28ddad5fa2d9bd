package io.twofold.mfa.port.out;

import io.twofold.mfa.model.Password;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.vavr.control.Option;

/**
 * Users as operators manage them: whole profiles, searched by the store. Within one connection a
 * username and an email belong to one user at most (letter case aside); the store enforces that,
 * also against concurrent writers. Passwords arrive in clear and are stored only as hashes.
 */
public interface UserAccounts {

    /** What a write did. */
    enum Outcome {
        /** Written. */
        SAVED,
        /** Refused: another user of the connection has this id, username or email. */
        DUPLICATE,
        /** Refused: no user with this id. */
        MISSING
    }

    /** Adds a user with this password; {@link Outcome#DUPLICATE} when the id, username or email is taken. */
    Outcome add(UserProfile profile, Password password);

    /** The user with this id. */
    Option<UserProfile> find(UserId id);

    /** The users that match, in this order, {@code limit} of them from {@code offset}, and how many match in all. */
    UserPage search(UserQuery query, UserSort sort, int offset, int limit);

    /** Whether users can live in this connection: the default one, or one that holds users already. */
    boolean knowsConnection(String connection);

    /**
     * Replaces the user's profile (id and creation time stay) and, when given, their password;
     * {@link Outcome#DUPLICATE} when the new username or email is another user's.
     */
    Outcome update(UserProfile profile, Option<Password> newPassword);

    /** Removes the user; false when there was none. */
    boolean remove(UserId id);
}
