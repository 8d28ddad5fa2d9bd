package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;
import java.util.Locale;

/** When a client's password logins must pass a second factor. */
public enum MfaPolicy {
    /** Never, except for the MFA API audience, which always requires it. */
    NEVER,
    /** Always: users with no active factor are sent to enroll one. */
    ALWAYS,
    /** Only for users who have an active factor. */
    ENROLLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Option<MfaPolicy> byWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst());
    }
}
