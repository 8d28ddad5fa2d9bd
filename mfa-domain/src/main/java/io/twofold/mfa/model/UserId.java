package io.twofold.mfa.model;

import java.util.Objects;

/** The stable id of a user in the user directory. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a user id is never blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
