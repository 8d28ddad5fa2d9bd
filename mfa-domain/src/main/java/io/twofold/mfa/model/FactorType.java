package io.twofold.mfa.model;

/**
 * What a user can answer a login with, or enroll: an authenticator app, a phone (SMS or voice), an
 * email address, or the recovery code. The HTTP adapter names them on the wire.
 */
public enum FactorType {
    OTP, PHONE, EMAIL, RECOVERY_CODE;

    /** The type an authenticator of this kind answers as. */
    public static FactorType of(AuthenticatorKind kind) {
        return switch (kind) {
            case TOTP -> OTP;
            case SMS, VOICE -> PHONE;
            case EMAIL -> EMAIL;
            case RECOVERY_CODE -> RECOVERY_CODE;
        };
    }
}
