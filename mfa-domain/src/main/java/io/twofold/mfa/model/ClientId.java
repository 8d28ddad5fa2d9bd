package io.twofold.mfa.model;

import java.util.Objects;

/** The id of a registered client application (OAuth {@code client_id}). */
public record ClientId(String value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a client id is never blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
