package io.twofold.mfa.port.in;

import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * The claims UserInfo returns, as Auth0 does: always {@code sub}; with the {@code profile} scope
 * {@code name} and {@code nickname} (Auth0's defaults from the email or username when none was set),
 * {@code given_name}, {@code family_name} and {@code picture} when set, and {@code updated_at}; with the
 * {@code email} scope {@code email} and {@code email_verified} when the user has an email.
 */
public record UserClaims(UserId subject, Option<String> name, Option<String> nickname, Option<String> givenName,
                         Option<String> familyName, Option<String> picture, Option<Instant> updatedAt,
                         Option<String> email, Option<Boolean> emailVerified) {

    /** The claims of a user whose profile is only a username and an email (a host's own directory). */
    public static UserClaims of(UserId subject, Option<String> name, Option<String> email) {
        return new UserClaims(subject, name, name, Option.none(), Option.none(), Option.none(), Option.none(), email,
                Option.none());
    }
}
