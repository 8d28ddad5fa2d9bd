package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.Metadata;
import io.vavr.control.Option;

/**
 * What an operator changes on a user (Auth0's {@code PATCH /users/{id}} body). An absent field stays
 * as it is; for the fields that may be unset, {@code some(none())} is the JSON {@code null} that
 * unsets it. Metadata is merged at the first level ({@link Metadata#merge}); a {@code null} metadata
 * empties it. The password never shows in {@code toString}.
 */
public record UserChanges(Option<Boolean> blocked, Option<Boolean> emailVerified, Option<String> email,
                          Option<Option<String>> username, Option<Option<String>> phoneNumber,
                          Option<Boolean> phoneVerified, Option<Option<String>> givenName,
                          Option<Option<String>> familyName, Option<Option<String>> name,
                          Option<Option<String>> nickname, Option<Option<String>> picture,
                          Option<Option<Metadata>> userMetadata, Option<Option<Metadata>> appMetadata,
                          Option<String> password) {

    /** No change at all. */
    public static final UserChanges NONE = new UserChanges(Option.none(), Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none(), Option.none());

    public UserChanges withBlocked(boolean value) {
        return new UserChanges(Option.some(value), emailVerified, email, username, phoneNumber, phoneVerified,
                givenName, familyName, name, nickname, picture, userMetadata, appMetadata, password);
    }

    public UserChanges withPassword(String value) {
        return new UserChanges(blocked, emailVerified, email, username, phoneNumber, phoneVerified,
                givenName, familyName, name, nickname, picture, userMetadata, appMetadata, Option.some(value));
    }

    public UserChanges withAppMetadata(Metadata value) {
        return new UserChanges(blocked, emailVerified, email, username, phoneNumber, phoneVerified,
                givenName, familyName, name, nickname, picture, userMetadata, Option.some(Option.some(value)), password);
    }

    @Override
    public String toString() {
        return "UserChanges[blocked=" + blocked + ", password=" + password.map(p -> "***") + ", ...]";
    }
}
