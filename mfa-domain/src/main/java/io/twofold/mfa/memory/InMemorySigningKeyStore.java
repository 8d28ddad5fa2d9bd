package io.twofold.mfa.memory;

import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A {@link SigningKeyStore} in memory; the first save of each algorithm wins and rotations
 * compare-and-set the whole list. A restart makes new keys, so tokens signed before it no longer verify.
 */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    /** Current keys first, by algorithm; then the retired ones, most recently retired first. */
    private static final Comparator<KeptSigningKey> LISTED = Comparator
            .comparing((KeptSigningKey kept) -> kept.retiredAt().isDefined())
            .thenComparing(kept -> kept.isCurrent() ? kept.key().algorithm().ordinal() : 0)
            .thenComparing(kept -> kept.retiredAt().getOrElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(kept -> kept.key().algorithm().ordinal())
            .thenComparing(kept -> kept.key().keyId());

    private final AtomicReference<List<KeptSigningKey>> keys = new AtomicReference<>(List.empty());

    @Override
    public Option<SigningKey> current(SigningAlgorithm algorithm) {
        return currentIn(keys.get(), algorithm).map(KeptSigningKey::key);
    }

    @Override
    public boolean saveIfAbsent(SigningKey candidate) {
        return change(before -> currentIn(before, candidate.algorithm()).isDefined() || holds(before, candidate)
                ? before
                : before.append(new KeptSigningKey(candidate, Option.none())));
    }

    @Override
    public List<KeptSigningKey> all() {
        return keys.get().sorted(LISTED);
    }

    @Override
    public boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at) {
        return change(before -> currentIn(before, next.algorithm())
                .filter(current -> current.key().keyId().equals(expectedCurrentKeyId) && !holds(before, next))
                .map(current -> before.replace(current, new KeptSigningKey(current.key(), Option.some(at)))
                        .append(new KeptSigningKey(next, Option.none())))
                .getOrElse(before));
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

    /** Applies {@code step} atomically; true when it changed the list. */
    private boolean change(UnaryOperator<List<KeptSigningKey>> step) {
        while (true) {
            List<KeptSigningKey> before = keys.get();
            List<KeptSigningKey> after = step.apply(before);
            if (after == before) {
                return false;
            }
            if (keys.compareAndSet(before, after)) {
                return true;
            }
        }
    }

    private static Option<KeptSigningKey> currentIn(List<KeptSigningKey> keys, SigningAlgorithm algorithm) {
        return keys.find(kept -> kept.isCurrent() && kept.key().algorithm() == algorithm);
    }

    private static boolean holds(List<KeptSigningKey> keys, SigningKey key) {
        return keys.exists(kept -> kept.key().keyId().equals(key.keyId()));
    }
}
