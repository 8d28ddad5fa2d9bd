package io.twofold.mfa.port.out;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.vavr.control.Option;

/** Registered client applications, and their secrets. */
public interface ClientRegistry {

    /** The registered client with this id. */
    Option<Client> find(ClientId id);

    /**
     * The client when the credentials authenticate it: a public client needs no secret, a
     * confidential one needs the right one (compared without revealing how much of it matched).
     */
    Option<Client> authenticate(ClientId id, Option<String> secret);
}
