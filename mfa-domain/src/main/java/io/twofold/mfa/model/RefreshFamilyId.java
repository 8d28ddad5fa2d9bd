package io.twofold.mfa.model;

/** The internal id of a refresh-token family: the login all its rotated tokens came from. */
public record RefreshFamilyId(String value) {
    @Override
    public String toString() {
        return value;
    }
}
