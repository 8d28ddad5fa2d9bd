package io.twofold.mfa.port.in;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.OobChannel;
import io.vavr.control.Option;

/** What an enrollment hands back, once: the secrets the user needs to confirm it. */
public sealed interface Association {

    AuthenticatorId authenticatorId();

    /** The recovery code, on the user's first enrollment only. */
    Option<String> recoveryCode();

    /** A TOTP enrollment: the base32 secret and the {@code otpauth://} URI for the QR code. */
    record Otp(AuthenticatorId authenticatorId, String secret, String barcodeUri, Option<String> recoveryCode)
            implements Association {
        @Override
        public String toString() {
            return "Association.Otp[" + authenticatorId + ", secret=***]";
        }
    }

    /** An out-of-band enrollment: the code was sent; the {@code oob_code} confirms it with the binding code. */
    record Oob(AuthenticatorId authenticatorId, OobChannel channel, String oobCode, Option<String> recoveryCode)
            implements Association {
        @Override
        public String toString() {
            return "Association.Oob[" + authenticatorId + ", " + channel + ", oobCode=***]";
        }
    }
}
