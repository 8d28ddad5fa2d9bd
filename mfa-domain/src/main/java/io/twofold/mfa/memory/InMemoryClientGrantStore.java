package io.twofold.mfa.memory;

import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientGrantFilter;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.TreeMap;

/** A {@link ClientGrantStore} in a map; every method is atomic (one lock), which keeps one grant per client and audience. */
public final class InMemoryClientGrantStore implements ClientGrantStore {
    private final TreeMap<String, ClientGrant> grants = new TreeMap<>();

    @Override
    public synchronized boolean add(ClientGrant grant) {
        if (grants.containsKey(grant.id()) || find(grant.clientId(), grant.audience()).isDefined()) {
            return false;
        }
        grants.put(grant.id(), grant);
        return true;
    }

    @Override
    public synchronized Option<ClientGrant> find(String id) {
        return Option.of(grants.get(id));
    }

    @Override
    public synchronized Option<ClientGrant> find(ClientId client, String audience) {
        return all().find(grant -> grant.clientId().equals(client) && grant.audience().equals(audience));
    }

    @Override
    public synchronized boolean updateScope(String id, List<String> scope) {
        ClientGrant found = grants.get(id);
        if (found == null) {
            return false;
        }
        grants.put(id, found.withScope(scope));
        return true;
    }

    @Override
    public synchronized boolean remove(String id) {
        return grants.remove(id) != null;
    }

    @Override
    public synchronized int removeByClient(ClientId client) {
        List<ClientGrant> gone = all().filter(grant -> grant.clientId().equals(client));
        gone.forEach(grant -> grants.remove(grant.id()));
        return gone.size();
    }

    @Override
    public synchronized int removeByAudience(String audience) {
        List<ClientGrant> gone = all().filter(grant -> grant.audience().equals(audience));
        gone.forEach(grant -> grants.remove(grant.id()));
        return gone.size();
    }

    @Override
    public synchronized List<ClientGrant> page(ClientGrantFilter filter, int offset, int limit) {
        return matching(filter).drop(offset).take(limit);
    }

    @Override
    public synchronized long count(ClientGrantFilter filter) {
        return matching(filter).size();
    }

    @Override
    public synchronized List<ClientGrant> after(ClientGrantFilter filter, Option<String> afterId, int limit) {
        return matching(filter).filter(grant -> afterId.forAll(after -> grant.id().compareTo(after) > 0)).take(limit);
    }

    private List<ClientGrant> all() {
        return List.ofAll(grants.values());
    }

    private List<ClientGrant> matching(ClientGrantFilter filter) {
        return all().filter(grant -> filter.client().forAll(grant.clientId()::equals)
                && filter.audience().forAll(grant.audience()::equals));
    }
}
