package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.vavr.control.Option;

/** An {@code mfa-oob} grant as received. */
public record VerifyOobCommand(ClientCredentials client, String mfaToken, String oobCode, Option<String> bindingCode) {
    @Override
    public String toString() {
        return "VerifyOobCommand[" + client + ", mfaToken=***, oobCode=***, bindingCode=***]";
    }
}
