package io.twofold.mfa.port.in;

import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

/**
 * The claims UserInfo returns, as the ID token carries them: always {@code sub}; {@code name} and
 * {@code nickname} (the username) with the {@code profile} scope; {@code email} with the
 * {@code email} scope when the user has one.
 */
public record UserClaims(UserId subject, Option<String> name, Option<String> nickname, Option<String> email) {
}
