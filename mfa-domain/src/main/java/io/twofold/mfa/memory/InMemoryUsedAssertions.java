package io.twofold.mfa.memory;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.UsedAssertionStore;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link UsedAssertionStore} for one process: {@code putIfAbsent} is its unique insert. */
public final class InMemoryUsedAssertions implements UsedAssertionStore {
    private record Key(ClientId client, String jti) {
    }

    private final Map<Key, Instant> used = new ConcurrentHashMap<>();

    @Override
    public boolean use(ClientId client, String jti, Instant expiresAt) {
        return used.putIfAbsent(new Key(client, jti), expiresAt) == null;
    }

    @Override
    public int removeExpired(Instant cutoff) {
        int before = used.size();
        used.values().removeIf(expiresAt -> expiresAt.isBefore(cutoff));
        return before - used.size();
    }
}
