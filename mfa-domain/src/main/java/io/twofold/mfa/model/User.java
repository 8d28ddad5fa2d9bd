package io.twofold.mfa.model;

import io.vavr.control.Option;

/** A user as the user directory knows them after the first factor. */
public record User(UserId id, String username, Option<EmailAddress> email) {
    /** The account label in an {@code otpauth://} URI: the email when there is one. */
    public String accountLabel() {
        return email.map(EmailAddress::value).getOrElse(username);
    }
}
