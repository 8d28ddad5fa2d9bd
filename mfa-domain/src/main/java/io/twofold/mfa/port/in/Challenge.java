package io.twofold.mfa.port.in;

/** The challenge chosen: OTP (nothing sent) or out of band (a code sent, an {@code oob_code} to verify it). */
public sealed interface Challenge {

    record Otp() implements Challenge {
    }

    record Oob(String oobCode) implements Challenge {
        @Override
        public String toString() {
            return "Challenge.Oob[oobCode=***]";
        }
    }
}
