package io.twofold.mfa.port.in.operator;

import io.vavr.control.Option;

/**
 * A factor as an operator asks to add it (one {@code authentication-methods} object), unchecked:
 * {@code type} is {@code totp}, {@code phone} or {@code email}, with the field that type needs. Its
 * {@code toString} never shows the TOTP secret.
 */
public record FactorRequest(Option<String> type, Option<String> name, Option<String> totpSecret,
                            Option<String> phoneNumber, Option<String> email, Option<String> preferredMethod) {

    @Override
    public String toString() {
        return "FactorRequest[type=" + type + ", name=" + name + ", totpSecret="
                + totpSecret.map(s -> "[redacted]") + ", phoneNumber=" + phoneNumber.map(s -> "[set]")
                + ", email=" + email.map(s -> "[set]") + ", preferredMethod=" + preferredMethod + "]";
    }
}
