package io.twofold.mfa.model;

import java.util.Objects;

/** A password in clear, on its way to being hashed; never shown by {@code toString}, so no log or exception carries it. */
public record Password(String value) {
    public Password {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
