package io.twofold.mfa.memory;

import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.control.Option;

import java.util.concurrent.atomic.AtomicReference;

/** A {@link SigningKeyStore} holding one key; the first save wins. A restart makes a new key, so tokens signed before it no longer verify. */
public final class InMemorySigningKeyStore implements SigningKeyStore {

    private final AtomicReference<SigningKey> key = new AtomicReference<>();

    @Override
    public Option<SigningKey> current() {
        return Option.of(key.get());
    }

    @Override
    public boolean saveIfAbsent(SigningKey candidate) {
        return key.compareAndSet(null, candidate);
    }
}
