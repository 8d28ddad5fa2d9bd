package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * A user as an operator sees and edits them (the Management API's user object), minus anything
 * secret: the password exists only as a hash, in the store. {@code connection} is the realm the user
 * logs in through. A user has a username, an email, or both.
 */
public record UserProfile(UserId id, String connection, Option<String> username, Option<EmailAddress> email,
                          boolean emailVerified, Option<String> phoneNumber, boolean phoneVerified, Names names,
                          Option<String> picture, Metadata userMetadata, Metadata appMetadata, boolean blocked,
                          Instant createdAt, Instant updatedAt, Option<Instant> lastPasswordReset) {

    /** The name fields, each absent unless set; {@link #displayName} and {@link #displayNickname} give Auth0's defaults. */
    public record Names(Option<String> givenName, Option<String> familyName, Option<String> name, Option<String> nickname) {
        public static final Names NONE = new Names(Option.none(), Option.none(), Option.none(), Option.none());
    }

    public UserProfile {
        if (username.isEmpty() && email.isEmpty()) {
            throw new IllegalArgumentException("a user has a username or an email");
        }
    }

    /** Auth0's default {@code name}: the email (else the username) when none was set. */
    public String displayName() {
        return names.name().orElse(email.map(EmailAddress::value)).getOrElse(() -> username.get());
    }

    /** Auth0's default {@code nickname}: the email's local part (else the username) when none was set. */
    public String displayNickname() {
        return names.nickname()
                .orElse(email.map(e -> e.value().substring(0, e.value().indexOf('@'))))
                .getOrElse(() -> username.get());
    }

    /** The profile the first factor and the tokens use. */
    public User asUser() {
        return new User(id, username.getOrElse(() -> email.get().value()), email, blocked);
    }
}
