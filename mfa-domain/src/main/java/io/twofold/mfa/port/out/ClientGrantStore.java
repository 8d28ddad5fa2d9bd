package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientGrantFilter;
import io.twofold.mfa.model.ClientId;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * Client grants: which client may get machine tokens for which audience. A client has at most one
 * grant per audience, which the store enforces (so two operators racing cannot make two).
 */
public interface ClientGrantStore {

    /** Adds the grant; false if its id, or a grant for its client and audience, exists already. */
    boolean add(ClientGrant grant);

    Option<ClientGrant> find(String id);

    /** The grant of {@code client} for {@code audience}. */
    Option<ClientGrant> find(ClientId client, String audience);

    /** Replaces the grant's scope; false if it does not exist. */
    boolean updateScope(String id, List<String> scope);

    /** Removes the grant; false if it did not exist. */
    boolean remove(String id);

    /** Removes every grant of the client; how many there were. */
    int removeByClient(ClientId client);

    /** Removes every grant for the audience; how many there were. */
    int removeByAudience(String audience);

    /** Grants matching the filter in id order, {@code limit} of them after skipping {@code offset}. */
    List<ClientGrant> page(ClientGrantFilter filter, int offset, int limit);

    long count(ClientGrantFilter filter);

    /** Grants matching the filter in id order whose id comes after {@code afterId} (from the first if none). */
    List<ClientGrant> after(ClientGrantFilter filter, Option<String> afterId, int limit);
}
