package io.twofold.mfa.memory;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.out.ClientStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.TreeMap;

/**
 * A {@link ClientStore} that keeps clients in the {@link InMemoryClientRegistry} the grants read, so
 * a change shows in authentication at once. Every method is atomic (one lock).
 */
public final class InMemoryClientStore implements ClientStore {
    private final InMemoryClientRegistry registry;
    private final TreeMap<String, ManagedClient> clients = new TreeMap<>();

    public InMemoryClientStore(InMemoryClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public synchronized boolean add(ManagedClient client, Option<SecretHash> secret) {
        if (clients.containsKey(client.id().value()) || registry.find(client.id()).isDefined()) {
            return false;
        }
        clients.put(client.id().value(), client);
        registry.registerHashed(client.client(), secret);
        return true;
    }

    @Override
    public synchronized Option<ManagedClient> find(ClientId id) {
        return Option.of(clients.get(id.value()));
    }

    @Override
    public synchronized boolean update(ManagedClient client) {
        if (!clients.containsKey(client.id().value())) {
            return false;
        }
        clients.put(client.id().value(), client);
        registry.replaceSettings(client.client());
        return true;
    }

    @Override
    public synchronized boolean replaceSecret(ClientId id, Option<SecretHash> secret) {
        ManagedClient found = clients.get(id.value());
        if (found == null) {
            return false;
        }
        registry.registerHashed(found.client(), secret);
        return true;
    }

    @Override
    public synchronized boolean remove(ClientId id) {
        registry.remove(id);
        return clients.remove(id.value()) != null;
    }

    @Override
    public synchronized List<ManagedClient> page(Option<String> appType, int offset, int limit) {
        return matching(appType).drop(offset).take(limit);
    }

    @Override
    public synchronized long count(Option<String> appType) {
        return matching(appType).size();
    }

    private List<ManagedClient> matching(Option<String> appType) {
        return List.ofAll(clients.values())
                .filter(client -> appType.forAll(type -> client.profile().appType().contains(type)));
    }
}
