package io.twofold.mfa.port.in;

import io.twofold.mfa.model.OobChannel;
import io.vavr.control.Option;

/** The one factor an enrollment asks for: an authenticator app, or codes sent over one channel. */
public sealed interface EnrollmentChoice {

    /** A TOTP authenticator app. */
    record Otp() implements EnrollmentChoice {
    }

    /**
     * Codes sent over {@code channel} to {@code address}: an E.164 phone number for SMS and voice, an
     * email address for email, where none means the user's own email from the directory.
     */
    record Oob(OobChannel channel, Option<String> address) implements EnrollmentChoice {
        @Override
        public String toString() {
            return "Oob[" + channel + ", address=***]";
        }
    }
}
