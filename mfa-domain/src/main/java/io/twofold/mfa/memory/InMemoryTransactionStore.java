package io.twofold.mfa.memory;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TransactionStore} in a map; changes are atomic per transaction via {@code compute}, so an
 * {@code mfa_token} completes once. Tokens are kept only as hashes. Held in this JVM only.
 */
public final class InMemoryTransactionStore implements TransactionStore {

    private final ConcurrentMap<TransactionId, MfaTransaction> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<SecretHash, TransactionId> idByTokenHash = new ConcurrentHashMap<>();
    private final AuditLog audit;

    /** @param audit where {@link #complete} records its event */
    public InMemoryTransactionStore(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void add(MfaTransaction transaction) {
        if (byId.putIfAbsent(transaction.id(), transaction) != null) {
            throw new IllegalStateException("duplicate transaction id " + transaction.id());
        }
        idByTokenHash.put(transaction.tokenHash(), transaction.id());
    }

    @Override
    public Option<MfaTransaction> findByTokenHash(SecretHash tokenHash) {
        return Option.of(idByTokenHash.get(tokenHash)).flatMap(id -> Option.of(byId.get(id)));
    }

    @Override
    public boolean complete(TransactionId id, List<AuditEvent> completion) {
        AtomicBoolean changed = new AtomicBoolean();
        byId.computeIfPresent(id, (key, t) -> {
            if (t.completed()) {
                return t;
            }
            changed.set(true);
            // Inside compute: the event is recorded exactly when, and only when, this call flipped the flag.
            completion.forEach(audit::record);
            return new MfaTransaction(t.id(), t.tokenHash(), t.userId(), t.clientId(), t.audience(), t.scope(),
                    t.realm(), t.createdAt(), t.expiresAt(), t.failedAttempts(), true);
        });
        return changed.get();
    }

    @Override
    public boolean reserveAttempt(TransactionId id, int budget) {
        AtomicBoolean taken = new AtomicBoolean();
        byId.computeIfPresent(id, (key, t) -> {
            if (t.failedAttempts() >= budget) {
                return t;
            }
            taken.set(true);
            return new MfaTransaction(t.id(), t.tokenHash(), t.userId(), t.clientId(), t.audience(), t.scope(),
                    t.realm(), t.createdAt(), t.expiresAt(), t.failedAttempts() + 1, t.completed());
        });
        return taken.get();
    }

    @Override
    public int removeByUser(UserId user) {
        AtomicInteger removed = new AtomicInteger();
        byId.keySet().forEach(id -> byId.computeIfPresent(id, (key, t) -> {
            if (!t.userId().equals(user)) {
                return t;
            }
            idByTokenHash.remove(t.tokenHash(), t.id());
            removed.incrementAndGet();
            return null;
        }));
        return removed.get();
    }

    @Override
    public int removeExpired(Instant cutoff) {
        AtomicInteger removed = new AtomicInteger();
        byId.keySet().forEach(id -> byId.computeIfPresent(id, (key, t) -> {
            if (!t.expiresAt().isBefore(cutoff)) {
                return t;
            }
            idByTokenHash.remove(t.tokenHash(), t.id());
            removed.incrementAndGet();
            return null;
        }));
        return removed.get();
    }
}
