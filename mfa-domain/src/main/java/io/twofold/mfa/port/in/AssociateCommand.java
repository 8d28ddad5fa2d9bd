package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.vavr.control.Option;

/**
 * An enrollment request as received: the bearer (an {@code mfa_token} or an MFA API access token),
 * client credentials if the body had them, the factor asked for (its address the use case checks),
 * and where the request came from (send limits count per end-user IP).
 */
public record AssociateCommand(
        String bearer,
        Option<ClientCredentials> client,
        EnrollmentChoice choice,
        RequestOrigin origin) {

    /** A request with no known origin (a host embedding the library without one): no per-IP send limit applies. */
    public AssociateCommand(String bearer, Option<ClientCredentials> client, EnrollmentChoice choice) {
        this(bearer, client, choice, RequestOrigin.UNKNOWN);
    }

    @Override
    public String toString() {
        return "AssociateCommand[bearer=***, " + choice + "]";
    }
}
