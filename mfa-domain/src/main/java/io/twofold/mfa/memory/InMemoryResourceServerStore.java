package io.twofold.mfa.memory;

import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.TreeMap;

/** A {@link ResourceServerStore} in a map; every method is atomic (one lock). */
public final class InMemoryResourceServerStore implements ResourceServerStore {
    private final TreeMap<String, ResourceServer> apis = new TreeMap<>();

    @Override
    public synchronized boolean add(ResourceServer api) {
        if (apis.containsKey(api.id()) || findByIdentifier(api.identifier()).isDefined()) {
            return false;
        }
        apis.put(api.id(), api);
        return true;
    }

    @Override
    public synchronized Option<ResourceServer> find(String id) {
        return Option.of(apis.get(id));
    }

    @Override
    public synchronized Option<ResourceServer> findByIdentifier(String identifier) {
        return List.ofAll(apis.values()).find(api -> api.identifier().equals(identifier));
    }

    @Override
    public synchronized boolean update(ResourceServer api) {
        ResourceServer found = apis.get(api.id());
        if (found == null) {
            return false;
        }
        apis.put(api.id(), new ResourceServer(found.id(), found.identifier(), api.name(), api.scopes(),
                api.tokenLifetime(), api.allowOfflineAccess(), api.signingAlgorithm(), found.system()));
        return true;
    }

    @Override
    public synchronized boolean remove(String id) {
        return apis.remove(id) != null;
    }

    @Override
    public synchronized List<ResourceServer> page(int offset, int limit) {
        return List.ofAll(apis.values()).drop(offset).take(limit);
    }

    @Override
    public synchronized long count() {
        return apis.size();
    }
}
