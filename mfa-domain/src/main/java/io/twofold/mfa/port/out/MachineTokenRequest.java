package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;

import java.time.Duration;
import java.time.Instant;

/** What a {@code client_credentials} grant asks a token for: the client, the API, the granted scopes, how long, and when. */
public record MachineTokenRequest(ClientId client, String audience, Scope scope, Duration lifetime, Instant at) {
}
