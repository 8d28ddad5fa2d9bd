package io.twofold.mfa.memory;

import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SigningKeyStore} in memory; the first save wins and rotations compare-and-set the whole
 * list. A restart makes a new key, so tokens signed before it no longer verify.
 */
public final class InMemorySigningKeyStore implements SigningKeyStore {

    /** The current key first, then the retired ones, most recently retired first. */
    private final AtomicReference<List<KeptSigningKey>> keys = new AtomicReference<>(List.empty());

    @Override
    public Option<SigningKey> current() {
        return keys.get().headOption().filter(KeptSigningKey::isCurrent).map(KeptSigningKey::key);
    }

    @Override
    public boolean saveIfAbsent(SigningKey candidate) {
        return keys.compareAndSet(List.empty(), List.of(new KeptSigningKey(candidate, Option.none())));
    }

    @Override
    public List<KeptSigningKey> all() {
        return keys.get();
    }

    @Override
    public boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at) {
        List<KeptSigningKey> before = keys.get();
        if (before.isEmpty() || !before.head().key().keyId().equals(expectedCurrentKeyId)
                || before.exists(kept -> kept.key().keyId().equals(next.keyId()))) {
            return false;
        }
        List<KeptSigningKey> after = before.tail()
                .prepend(new KeptSigningKey(before.head().key(), Option.some(at)))
                .prepend(new KeptSigningKey(next, Option.none()));
        return keys.compareAndSet(before, after);
    }

    @Override
    public int dropRetiredBefore(Instant cutoff) {
        while (true) {
            List<KeptSigningKey> before = keys.get();
            List<KeptSigningKey> after = before.filter(kept -> kept.retiredAt().forAll(at -> !at.isBefore(cutoff)));
            if (keys.compareAndSet(before, after)) {
                return before.size() - after.size();
            }
        }
    }
}
