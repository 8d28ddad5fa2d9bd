package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * An enrollment request as received: the bearer (an {@code mfa_token} or an MFA API access token),
 * client credentials if the body had them, and the raw factor parameters, which the use case checks.
 */
public record AssociateCommand(
        String bearer,
        Option<ClientCredentials> client,
        List<String> authenticatorTypes,
        List<String> oobChannels,
        Option<String> phoneNumber,
        Option<String> email) {

    @Override
    public String toString() {
        return "AssociateCommand[bearer=***, types=" + authenticatorTypes + ", channels=" + oobChannels + "]";
    }
}
