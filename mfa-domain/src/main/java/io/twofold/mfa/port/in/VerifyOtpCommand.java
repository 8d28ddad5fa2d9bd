package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;

/** An {@code mfa-otp} grant as received: {@code otp} is the code from the app (6 digits by default, as a string). */
public record VerifyOtpCommand(ClientCredentials client, String mfaToken, String otp) {
    @Override
    public String toString() {
        return "VerifyOtpCommand[" + client + ", mfaToken=***, otp=***]";
    }
}
