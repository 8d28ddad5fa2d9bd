package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;

/** What an authenticator is; the first part of its id ({@code totp|dev_...}). */
public enum AuthenticatorKind {
    TOTP("totp", "otp", null),
    SMS("sms", "oob", OobChannel.SMS),
    VOICE("voice", "oob", OobChannel.VOICE),
    EMAIL("email", "oob", OobChannel.EMAIL),
    RECOVERY_CODE("recovery-code", "recovery-code", null);

    private final String idPrefix;
    private final String authenticatorType;
    private final OobChannel channel;

    AuthenticatorKind(String idPrefix, String authenticatorType, OobChannel channel) {
        this.idPrefix = idPrefix;
        this.authenticatorType = authenticatorType;
        this.channel = channel;
    }

    /** The prefix of the id, before the {@code |}. */
    public String idPrefix() {
        return idPrefix;
    }

    /** The wire {@code authenticator_type}: {@code otp}, {@code oob} or {@code recovery-code}. */
    public String authenticatorType() {
        return authenticatorType;
    }

    /** The out-of-band channel, for {@code oob} kinds only. */
    public Option<OobChannel> oobChannel() {
        return Option.of(channel);
    }

    public static AuthenticatorKind of(OobChannel channel) {
        return Arrays.stream(values()).filter(k -> k.channel == channel).findFirst().orElseThrow();
    }

    public static Option<AuthenticatorKind> byIdPrefix(String prefix) {
        return Option.ofOptional(Arrays.stream(values()).filter(k -> k.idPrefix.equals(prefix)).findFirst());
    }
}
