package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.SecretHash;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The registered clients as operators manage them (the token grants read them through
 * {@link ClientRegistry}). A confidential client has a secret hash, a public one none.
 */
public interface ClientStore {

    /** Adds the client with its secret's hash; false if a client with its id exists already. */
    boolean add(ManagedClient client, Option<SecretHash> secret);

    /** The client with this id. */
    Option<ManagedClient> find(ClientId id);

    /** Replaces the client's settings and profile (not its secret); false if it does not exist. */
    boolean update(ManagedClient client);

    /** Replaces the secret's hash (none for a public client); false if the client does not exist. */
    boolean replaceSecret(ClientId id, Option<SecretHash> secret);

    /** Removes the client; false if it did not exist. */
    boolean remove(ClientId id);

    /** Clients in id order, {@code limit} of them after skipping {@code offset}, of the app type if given. */
    List<ManagedClient> page(Option<String> appType, int offset, int limit);

    /** How many clients {@link #page} can list, of the app type if given. */
    long count(Option<String> appType);
}
