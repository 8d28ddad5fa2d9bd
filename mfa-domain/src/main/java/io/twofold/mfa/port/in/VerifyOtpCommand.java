package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;

/** An {@code mfa-otp} grant as received. */
public record VerifyOtpCommand(ClientCredentials client, String mfaToken, String otp) {
    @Override
    public String toString() {
        return "VerifyOtpCommand[" + client + ", mfaToken=***, otp=***]";
    }
}
