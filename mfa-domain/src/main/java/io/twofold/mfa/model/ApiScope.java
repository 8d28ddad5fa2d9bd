package io.twofold.mfa.model;

import java.util.Objects;

/** A permission an API (resource server) defines: its name and what it lets a token do. */
public record ApiScope(String value, String description) {
    public ApiScope {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a scope is one non-blank word");
        }
    }
}
