package io.twofold.mfa.policy;

import java.util.Objects;

/**
 * The tenant-wide settings the use cases read: the issuer label shown in authenticator apps,
 * OTP parameters, lifetimes, second-factor attempt budgets, password (first-factor) budgets, send
 * limits, and whether recovery codes are issued.
 */
public record MfaSettings(
        String tenantName,
        OtpParameters otp,
        Lifetimes lifetimes,
        AttemptBudgets attempts,
        PasswordBudgets passwords,
        SendLimits sends,
        boolean recoveryCodesEnabled) {

    public MfaSettings {
        Objects.requireNonNull(tenantName, "tenantName");
        Objects.requireNonNull(otp, "otp");
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(sends, "sends");
    }

    /** The same settings with other send limits. */
    public MfaSettings withSends(SendLimits limits) {
        return new MfaSettings(tenantName, otp, lifetimes, attempts, passwords, limits, recoveryCodesEnabled);
    }

    public static MfaSettings defaults(String tenantName) {
        return new MfaSettings(tenantName, OtpParameters.DEFAULT, Lifetimes.DEFAULT, AttemptBudgets.DEFAULT,
                PasswordBudgets.DEFAULT, SendLimits.DEFAULT, true);
    }
}
