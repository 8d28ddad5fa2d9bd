package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The APIs (resource servers) operators registered; the built-in ones are not stored. */
public interface ResourceServerStore {

    /** Adds the API; false if one with its id or identifier exists already. */
    boolean add(ResourceServer api);

    /** The API with this id. */
    Option<ResourceServer> find(String id);

    /** The API whose identifier (a token's audience) is {@code identifier}. */
    Option<ResourceServer> findByIdentifier(String identifier);

    /**
     * The signing algorithm of the API registered under {@code identifier}, read for every access token
     * issued to it; a store answers it with a cheaper read than the whole API when it can.
     */
    default Option<SigningAlgorithm> signingAlgorithmOf(String identifier) {
        return findByIdentifier(identifier).map(ResourceServer::signingAlgorithm);
    }

    /** Replaces the API's fields but its id and identifier; false if it does not exist. */
    boolean update(ResourceServer api);

    /** Removes the API; false if it did not exist. */
    boolean remove(String id);

    /** APIs in id order, {@code limit} of them after skipping {@code offset}. */
    List<ResourceServer> page(int offset, int limit);

    long count();
}
