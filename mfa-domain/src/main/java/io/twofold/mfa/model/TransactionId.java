package io.twofold.mfa.model;

/** The internal id of an MFA transaction (never the {@code mfa_token} itself). */
public record TransactionId(String value) {
    @Override
    public String toString() {
        return value;
    }
}
