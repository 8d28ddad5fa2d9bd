package io.twofold.mfa.model;

/** The internal id of an out-of-band challenge (never the {@code oob_code} itself). */
public record ChallengeId(String value) {
    @Override
    public String toString() {
        return value;
    }
}
