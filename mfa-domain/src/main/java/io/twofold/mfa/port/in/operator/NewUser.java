package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.UserProfile.Names;
import io.vavr.control.Option;

/**
 * What an operator gives to create a user (Auth0's {@code POST /users} body), unchecked: the use
 * case checks each field. {@code userId} is the part after {@code auth0|}, when the caller picks it.
 * The password never shows in {@code toString}.
 */
public record NewUser(String connection, Option<String> userId, Option<String> username, Option<String> email,
                      Option<String> password, boolean emailVerified, Option<String> phoneNumber, boolean phoneVerified,
                      Names names, Option<String> picture, Metadata userMetadata, Metadata appMetadata, boolean blocked) {

    @Override
    public String toString() {
        return "NewUser[connection=" + connection + ", userId=" + userId + ", username=" + username
                + ", password=" + password.map(p -> "***") + ", blocked=" + blocked + "]";
    }
}
