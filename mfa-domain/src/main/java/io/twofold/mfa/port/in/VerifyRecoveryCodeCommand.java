package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;

/** An {@code mfa-recovery-code} grant as received. */
public record VerifyRecoveryCodeCommand(ClientCredentials client, String mfaToken, String recoveryCode) {
    @Override
    public String toString() {
        return "VerifyRecoveryCodeCommand[" + client + ", mfaToken=***, recoveryCode=***]";
    }
}
