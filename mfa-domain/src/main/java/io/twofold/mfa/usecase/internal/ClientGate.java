package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.port.out.ClientRegistry;
import io.vavr.control.Either;

/** Client authentication, and the check that the client may use a grant. */
public final class ClientGate {
    private final ClientRegistry clients;

    public ClientGate(ClientRegistry clients) {
        this.clients = clients;
    }

    public Either<MfaError, Client> authenticate(ClientCredentials credentials) {
        return clients.authenticate(credentials.clientId(), credentials.secret())
                .toEither(MfaError.InvalidClient::new);
    }

    public Either<MfaError, Client> authorize(ClientCredentials credentials, GrantType grant) {
        return authenticate(credentials).flatMap(client -> client.allows(grant)
                ? Either.<MfaError, Client>right(client)
                : Either.left(new MfaError.UnauthorizedClient(grant.wireName())));
    }
}
