package io.twofold.mfa.model;

import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The factor names of Auth0's Guardian configuration (Management API spec 6.1), in Auth0's order,
 * and the Twofold factor type each stands for. Four have none: Twofold cannot serve them, so they
 * are always off.
 */
public enum GuardianFactor {
    SMS("sms", FactorType.PHONE),
    PUSH_NOTIFICATION("push-notification", null),
    OTP("otp", FactorType.OTP),
    EMAIL("email", FactorType.EMAIL),
    DUO("duo", null),
    WEBAUTHN_ROAMING("webauthn-roaming", null),
    WEBAUTHN_PLATFORM("webauthn-platform", null),
    RECOVERY_CODE("recovery-code", FactorType.RECOVERY_CODE);

    private final String factorName;
    private final FactorType served;

    GuardianFactor(String factorName, FactorType served) {
        this.factorName = factorName;
        this.served = served;
    }

    /** The name on the wire ({@code /guardian/factors/{name}}). */
    public String factorName() {
        return factorName;
    }

    /** The Twofold factor type this name switches; none for a factor Twofold cannot serve. */
    public Option<FactorType> served() {
        return Option.of(served);
    }

    public static Option<GuardianFactor> byName(String name) {
        return List.of(values()).find(f -> f.factorName.equals(name));
    }
}
