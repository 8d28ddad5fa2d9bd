package io.twofold.mfa.port.out;

import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

/** The first factor: checks a password, and finds users by id. */
public interface UserDirectory {

    /**
     * The user when the password is right; none for an unknown user or a wrong password, taking
     * the same time for both (an implementation verifies a dummy hash for unknown users).
     * An absent realm means the directory's default connection.
     */
    Option<User> authenticate(Option<String> realm, String username, String password);

    Option<User> findById(UserId id);
}
