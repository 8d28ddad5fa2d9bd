package io.twofold.mfa.model;

import io.vavr.control.Option;

/**
 * A user as the user directory knows them after the first factor. A blocked user's password is
 * still checked, but they get no tokens and no {@code mfa_token}.
 */
public record User(UserId id, String username, Option<EmailAddress> email, boolean blocked) {

    /** A user who is not blocked. */
    public User(UserId id, String username, Option<EmailAddress> email) {
        this(id, username, email, false);
    }

    /** The account label in an {@code otpauth://} URI: the email when there is one. */
    public String accountLabel() {
        return email.map(EmailAddress::value).getOrElse(username);
    }
}
