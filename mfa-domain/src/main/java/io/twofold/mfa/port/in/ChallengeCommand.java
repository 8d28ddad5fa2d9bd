package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.vavr.control.Option;

/**
 * A challenge request: {@code challengeTypes} is the space-separated list of what the client can
 * handle, each {@code otp} or {@code oob} (none means both); {@code authenticatorId} optionally
 * names one of the user's active authenticators ({@code totp|dev_...}, {@code sms|dev_...}); and
 * where the request came from (send limits count per end-user IP).
 */
public record ChallengeCommand(
        ClientCredentials client, String mfaToken, Option<String> challengeTypes, Option<String> authenticatorId,
        RequestOrigin origin) {

    /** A request with no known origin (a host embedding the library without one): no per-IP send limit applies. */
    public ChallengeCommand(ClientCredentials client, String mfaToken, Option<String> challengeTypes,
                            Option<String> authenticatorId) {
        this(client, mfaToken, challengeTypes, authenticatorId, RequestOrigin.UNKNOWN);
    }

    @Override
    public String toString() {
        return "ChallengeCommand[" + client + ", mfaToken=***, types=" + challengeTypes + "]";
    }
}
