package io.twofold.mfa.memory;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.ChallengeStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link ChallengeStore} in a map; changes are atomic per challenge via {@code compute}, so an
 * {@code oob_code} is consumed once. Codes are kept only as hashes. Held in this JVM only.
 */
public final class InMemoryChallengeStore implements ChallengeStore {

    private final ConcurrentMap<ChallengeId, OobChallenge> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<SecretHash, ChallengeId> idByCodeHash = new ConcurrentHashMap<>();

    @Override
    public void add(OobChallenge challenge) {
        if (byId.putIfAbsent(challenge.id(), challenge) != null) {
            throw new IllegalStateException("duplicate challenge id " + challenge.id());
        }
        idByCodeHash.put(challenge.oobCodeHash(), challenge.id());
    }

    @Override
    public Option<OobChallenge> findByCodeHash(SecretHash oobCodeHash) {
        return Option.of(idByCodeHash.get(oobCodeHash)).flatMap(id -> Option.of(byId.get(id)));
    }

    @Override
    public boolean consume(ChallengeId id) {
        AtomicBoolean changed = new AtomicBoolean();
        byId.computeIfPresent(id, (key, c) -> {
            if (c.consumed()) {
                return c;
            }
            changed.set(true);
            return new OobChallenge(c.id(), c.oobCodeHash(), c.bindingCodeHash(), c.authenticatorId(), c.userId(),
                    c.createdAt(), c.expiresAt(), c.failedAttempts(), true);
        });
        return changed.get();
    }

    @Override
    public boolean reserveAttempt(ChallengeId id, int budget) {
        AtomicBoolean taken = new AtomicBoolean();
        byId.computeIfPresent(id, (key, c) -> {
            if (c.failedAttempts() >= budget) {
                return c;
            }
            taken.set(true);
            return new OobChallenge(c.id(), c.oobCodeHash(), c.bindingCodeHash(), c.authenticatorId(), c.userId(),
                    c.createdAt(), c.expiresAt(), c.failedAttempts() + 1, c.consumed());
        });
        return taken.get();
    }

    @Override
    public int removeByUser(UserId user) {
        return removeWhere(c -> c.userId().equals(user));
    }

    @Override
    public int removeByAuthenticators(List<AuthenticatorId> authenticators) {
        return removeWhere(c -> authenticators.contains(c.authenticatorId()));
    }

    @Override
    public int removeExpired(Instant cutoff) {
        return removeWhere(c -> c.expiresAt().isBefore(cutoff));
    }

    private int removeWhere(Predicate<OobChallenge> doomed) {
        AtomicInteger removed = new AtomicInteger();
        byId.keySet().forEach(id -> byId.computeIfPresent(id, (key, c) -> {
            if (!doomed.test(c)) {
                return c;
            }
            idByCodeHash.remove(c.oobCodeHash(), c.id());
            removed.incrementAndGet();
            return null;
        }));
        return removed.get();
    }
}
