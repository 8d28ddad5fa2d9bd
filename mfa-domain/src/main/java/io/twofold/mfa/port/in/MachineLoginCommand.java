package io.twofold.mfa.port.in;

import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.Scope;
import io.vavr.control.Option;

/** A {@code client_credentials} request: the client's credentials, the API's identifier, and the scopes wanted (empty: all granted). */
public record MachineLoginCommand(ClientCredentials client, Option<String> audience, Scope scope) {
}
