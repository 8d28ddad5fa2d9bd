package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.port.out.ClientRegistry;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Client authentication, by secret or by Private Key JWT, and the check that the client may use a
 * grant: every use case that authenticates a client comes through here.
 */
public final class ClientGate {
    private final ClientRegistry clients;
    private final Option<ClientAssertions> assertions;

    /** A gate that knows secrets only: a client assertion is refused. */
    public ClientGate(ClientRegistry clients) {
        this(clients, Option.none());
    }

    public ClientGate(ClientRegistry clients, Option<ClientAssertions> assertions) {
        this.clients = clients;
        this.assertions = assertions;
    }

    public Either<MfaError, Client> authenticate(ClientCredentials credentials) {
        Option<Client> client = credentials.assertion().isDefined()
                ? assertions.flatMap(verified -> verified.authenticate(credentials.clientId(),
                        credentials.assertion().get()))
                : clients.authenticate(credentials.clientId(), credentials.secret());
        return client.toEither(MfaError.InvalidClient::new);
    }

    public Either<MfaError, Client> authorize(ClientCredentials credentials, GrantType grant) {
        return authenticate(credentials).flatMap(client -> client.allows(grant)
                ? Either.<MfaError, Client>right(client)
                : Either.left(new MfaError.UnauthorizedClient(grant.wireName())));
    }
}
