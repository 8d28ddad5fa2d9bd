package io.twofold.mfa.port.out;

import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

/** The first factor: checks a password, and finds users by id. */
public interface UserDirectory {

    /**
     * The user when the password is right, blocked or not ({@link User#blocked}: the caller refuses a
     * blocked user, after the password and only then); none for an unknown user or a wrong password, taking
     * the same time for both (an implementation verifies a dummy hash for unknown users).
     * An absent realm means the directory's default connection.
     */
    Option<User> authenticate(Option<String> realm, String username, String password);

    /** The user's profile (username, email) for the tokens and the otpauth label; none for an unknown id. */
    Option<User> findById(UserId id);

    /**
     * A stable name for the account these credentials address, the same for every spelling that
     * {@link #authenticate} resolves to the same user: letter case, surrounding white space, the
     * username or the email, the default realm named or left out. For a login that names no user,
     * a name of that login as the directory would look it up. Wrong passwords are counted under it,
     * so a guesser gains nothing by respelling the account. It is hashed before it is stored.
     */
    String accountKey(Option<String> realm, String login);
}
