package io.twofold.mfa.model;

import io.vavr.control.Option;

/** What proves possession for an authenticator: a TOTP seed, an out-of-band address, or a recovery code. */
public sealed interface Factor permits Factor.Totp, Factor.Oob, Factor.RecoveryCode {

    AuthenticatorKind kind();

    /** The display name the API lists; none for TOTP and recovery codes. */
    Option<String> displayName();

    /** A TOTP authenticator's shared seed, and how its codes are made. */
    record Totp(OtpSeed seed, TotpParameters parameters) implements Factor {
        public Totp {
            java.util.Objects.requireNonNull(parameters, "parameters");
        }

        /** A seed Twofold enrolled: {@link TotpParameters#DEFAULT}. */
        public Totp(OtpSeed seed) {
            this(seed, TotpParameters.DEFAULT);
        }

        @Override
        public AuthenticatorKind kind() {
            return AuthenticatorKind.TOTP;
        }

        @Override
        public Option<String> displayName() {
            return Option.none();
        }
    }

    /** An SMS or voice phone number, or an email address. */
    record Oob(OobChannel channel, String address) implements Factor {
        public static Oob phone(OobChannel channel, PhoneNumber phone) {
            return new Oob(channel, phone.e164());
        }

        public static Oob email(EmailAddress email) {
            return new Oob(OobChannel.EMAIL, email.value());
        }

        @Override
        public AuthenticatorKind kind() {
            return AuthenticatorKind.of(channel);
        }

        @Override
        public Option<String> displayName() {
            return Option.of(channel == OobChannel.EMAIL
                    ? new EmailAddress(address).masked()
                    : new PhoneNumber(address).masked());
        }

        @Override
        public String toString() {
            return "Oob[" + channel + ", " + displayName().get() + "]";
        }
    }

    /** The user's one recovery code, kept only as its hash. */
    record RecoveryCode(SecretHash codeHash) implements Factor {
        @Override
        public AuthenticatorKind kind() {
            return AuthenticatorKind.RECOVERY_CODE;
        }

        @Override
        public Option<String> displayName() {
            return Option.none();
        }
    }
}
