package io.twofold.mfa.memory;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.AuthenticatorNotes;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link AuthenticatorStore} in a map. Every change runs inside {@code ConcurrentMap.compute},
 * which is atomic per key, so each compare-and-set has exactly one winner as the port requires;
 * activations are serialized on the store, so "the first factor" has one winner too. TOTP seeds are
 * held in the clear in this JVM's heap, never written anywhere (see the package comment).
 */
public final class InMemoryAuthenticatorStore implements AuthenticatorStore {

    /** One stored authenticator; {@code sequence} breaks ties between equal creation times. */
    private record Row(Authenticator authenticator, Option<Long> lastStep, long sequence, AuthenticatorNotes notes) {
        Row with(Authenticator next) {
            return new Row(next, lastStep, sequence, notes);
        }

        Row used(Instant at) {
            return new Row(authenticator, lastStep, sequence, new AuthenticatorNotes(notes.name(), Option.some(at)));
        }
    }

    private final ConcurrentMap<AuthenticatorId, Row> rows = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public void add(PendingAuthenticator authenticator) {
        put(new Row(authenticator, Option.none(), sequence.incrementAndGet(), AuthenticatorNotes.NONE));
    }

    @Override
    public void addConfirmed(ActiveAuthenticator authenticator, Option<String> name) {
        put(new Row(authenticator, Option.none(), sequence.incrementAndGet(),
                new AuthenticatorNotes(name, Option.none())));
    }

    private void put(Row row) {
        if (rows.putIfAbsent(row.authenticator().id(), row) != null) {
            throw new IllegalStateException("duplicate authenticator id " + row.authenticator().id());
        }
    }

    /** Adds the authenticator already confirmed at {@code confirmedAt}: to seed a store, or in tests. */
    public ActiveAuthenticator addActive(PendingAuthenticator authenticator, Instant confirmedAt) {
        ActiveAuthenticator active = authenticator.confirm(confirmedAt);
        add(authenticator);
        activate(active);
        return active;
    }

    @Override
    public List<Authenticator> findByUser(UserId user) {
        return List.ofAll(rows.values())
                .filter(row -> row.authenticator().userId().equals(user))
                .sorted(Comparator.comparing((Row row) -> row.authenticator().createdAt())
                        .thenComparingLong(Row::sequence))
                .map(Row::authenticator);
    }

    @Override
    public Option<Authenticator> find(UserId user, AuthenticatorId id) {
        return Option.of(rows.get(id))
                .map(Row::authenticator)
                .filter(authenticator -> authenticator.userId().equals(user));
    }

    @Override
    public List<Authenticator> findByDevice(String device) {
        return List.ofAll(rows.values())
                .filter(row -> row.authenticator().id().device().equals(device))
                .sortBy(Row::sequence)
                .map(Row::authenticator);
    }

    @Override
    public Map<AuthenticatorId, AuthenticatorNotes> notesByUser(UserId user) {
        return HashMap.ofEntries(List.ofAll(rows.values())
                .filter(row -> row.authenticator().userId().equals(user))
                .map(row -> Map.entry(row.authenticator().id(), row.notes())));
    }

    @Override
    public int rename(UserId user, List<AuthenticatorId> ids, Option<String> name) {
        AtomicInteger renamed = new AtomicInteger();
        ids.distinct().forEach(id -> rows.computeIfPresent(id, (key, row) -> {
            if (!row.authenticator().userId().equals(user)) {
                return row;
            }
            renamed.incrementAndGet();
            return new Row(row.authenticator(), row.lastStep(), row.sequence(),
                    new AuthenticatorNotes(name, row.notes().lastUsedAt()));
        }));
        return renamed.get();
    }

    /** Serialized with {@link #activateFirst}, so an activation cannot slip between its check and its change. */
    @Override
    public synchronized boolean activate(ActiveAuthenticator confirmed) {
        AtomicBoolean changed = new AtomicBoolean();
        rows.computeIfPresent(confirmed.id(), (key, row) -> {
            if (row.authenticator() instanceof PendingAuthenticator pending && pending.userId().equals(confirmed.userId())) {
                changed.set(true);
                return row.with(pending.confirm(confirmed.confirmedAt()));
            }
            return row;
        });
        return changed.get();
    }

    /** Serialized on the store: the check of the user's active factors and the activation are one step. */
    @Override
    public synchronized boolean activateFirst(ActiveAuthenticator confirmed, Set<AuthenticatorKind> uncounted) {
        boolean hasActiveFactor = findByUser(confirmed.userId())
                .exists(a -> a.isActive() && a.id().kind() != AuthenticatorKind.RECOVERY_CODE
                        && !uncounted.contains(a.id().kind()));
        return !hasActiveFactor && activate(confirmed);
    }

    @Override
    public int discardPending(UserId user) {
        AtomicInteger removed = new AtomicInteger();
        rows.keySet().forEach(id -> rows.computeIfPresent(id, (key, row) -> {
            if (row.authenticator() instanceof PendingAuthenticator pending && pending.userId().equals(user)) {
                removed.incrementAndGet();
                return null;
            }
            return row;
        }));
        return removed.get();
    }

    @Override
    public boolean acceptTotpStep(AuthenticatorId id, long step, Instant at) {
        AtomicBoolean changed = new AtomicBoolean();
        rows.computeIfPresent(id, (key, row) -> {
            if (row.lastStep().exists(last -> last >= step)) {
                return row;
            }
            changed.set(true);
            return new Row(row.authenticator(), Option.some(step), row.sequence(), row.notes()).used(at);
        });
        return changed.get();
    }

    @Override
    public boolean replaceRecoveryCode(AuthenticatorId id, SecretHash expected, SecretHash replacement, Instant at) {
        AtomicBoolean changed = new AtomicBoolean();
        rows.computeIfPresent(id, (key, row) -> {
            Authenticator current = row.authenticator();
            if (current.factor() instanceof Factor.RecoveryCode code && code.codeHash().matches(expected)) {
                changed.set(true);
                return row.with(withFactor(current, new Factor.RecoveryCode(replacement))).used(at);
            }
            return row;
        });
        return changed.get();
    }

    /** Serialized on the store, like the activations: the removal and the insertion are one step. */
    @Override
    public synchronized void resetRecoveryCode(ActiveAuthenticator code) {
        remove(code.userId(), findByUser(code.userId()).map(Authenticator::id)
                .filter(id -> id.kind() == AuthenticatorKind.RECOVERY_CODE));
        addConfirmed(code, Option.none());
    }

    @Override
    public synchronized boolean addRecoveryCodeIfNone(ActiveAuthenticator code) {
        if (findByUser(code.userId()).exists(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE)) {
            return false;
        }
        addConfirmed(code, Option.none());
        return true;
    }

    @Override
    public int remove(UserId user, List<AuthenticatorId> ids) {
        AtomicInteger removed = new AtomicInteger();
        ids.distinct().forEach(id -> rows.computeIfPresent(id, (key, row) -> {
            if (row.authenticator().userId().equals(user)) {
                removed.incrementAndGet();
                return null;
            }
            return row;
        }));
        return removed.get();
    }

    @Override
    public int removeExpiredPending(Instant now) {
        AtomicInteger removed = new AtomicInteger();
        rows.keySet().forEach(id -> rows.computeIfPresent(id, (key, row) -> {
            if (row.authenticator() instanceof PendingAuthenticator pending && pending.isExpired(now)) {
                removed.incrementAndGet();
                return null;
            }
            return row;
        }));
        return removed.get();
    }

    private static Authenticator withFactor(Authenticator current, Factor factor) {
        if (current instanceof PendingAuthenticator p) {
            return new PendingAuthenticator(p.id(), p.userId(), factor, p.createdAt(), p.expiresAt(), p.enrollment());
        }
        ActiveAuthenticator a = (ActiveAuthenticator) current;
        return new ActiveAuthenticator(a.id(), a.userId(), factor, a.createdAt(), a.confirmedAt());
    }
}
