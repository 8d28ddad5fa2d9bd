package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.vavr.control.Option;

/** A challenge request: the space-separated {@code challenge_type} list and an optional {@code authenticator_id}. */
public record ChallengeCommand(
        ClientCredentials client, String mfaToken, Option<String> challengeTypes, Option<String> authenticatorId) {

    @Override
    public String toString() {
        return "ChallengeCommand[" + client + ", mfaToken=***, types=" + challengeTypes + "]";
    }
}
