package io.twofold.mfa.port.out;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.PrivateKeyClient;
import io.vavr.control.Option;

/** Registered client applications, and their secrets. */
public interface ClientRegistry {

    /** The registered client with this id. */
    Option<Client> find(ClientId id);

    /**
     * The client when the credentials authenticate it: a public client needs no secret, a
     * confidential one needs the right one (compared without revealing how much of it matched), and
     * a client that uses Private Key JWT is never authenticated by a secret.
     */
    Option<Client> authenticate(ClientId id, Option<String> secret);

    /**
     * The client with its public keys, when it authenticates with Private Key JWT; read as freshly as
     * {@link #authenticate}, so that a key an operator removed stops working at once.
     */
    Option<PrivateKeyClient> privateKeyJwt(ClientId id);
}
