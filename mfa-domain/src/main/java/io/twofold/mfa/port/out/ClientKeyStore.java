package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The public keys clients registered for Private Key JWT (Auth0's client credentials), as operators
 * and the bootstrap file manage them; {@link ClientRegistry#privateKeyJwt} reads them to authenticate.
 */
public interface ClientKeyStore {

    /** Adds the key; false if its client does not exist, or has a key with its id or its kid already. */
    boolean add(ClientPublicKey key);

    /** The client's keys, oldest first. */
    List<ClientPublicKey> keys(ClientId client);

    /** The client's key with this id. */
    Option<ClientPublicKey> find(ClientId client, String id);

    /** Removes the client's key with this id; false if there was none. */
    boolean remove(ClientId client, String id);
}
