package io.twofold.mfa.app.metrics;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * The events of a grant's completion (the second factor's success among them) are written by the
 * transaction store, in the statement that completes the transaction, not through the audit log:
 * counted here, once the completion was this call's (a losing race wrote and counts nothing).
 */
final class CompletionMeters implements TransactionStore {
    private final TransactionStore store;
    private final TwofoldMeters meters;

    CompletionMeters(TransactionStore store, TwofoldMeters meters) {
        this.store = store;
        this.meters = meters;
    }

    @Override
    public boolean complete(TransactionId id, List<AuditEvent> completion) {
        boolean won = store.complete(id, completion);
        if (won) {
            completion.forEach(event -> AuditEventMeters.count(meters, event));
        }
        return won;
    }

    @Override
    public Completion complete(TransactionId id, List<AuditEvent> completion, BucketWrite alongside) {
        Completion done = store.complete(id, completion, alongside);
        if (done.completed()) {
            completion.forEach(event -> AuditEventMeters.count(meters, event));
        }
        return done;
    }

    @Override
    public void add(MfaTransaction transaction) {
        store.add(transaction);
    }

    @Override
    public Option<MfaTransaction> findByTokenHash(SecretHash tokenHash) {
        return store.findByTokenHash(tokenHash);
    }

    @Override
    public boolean reserveAttempt(TransactionId id, int budget) {
        return store.reserveAttempt(id, budget);
    }

    @Override
    public Reservation reserveAttempt(TransactionId id, int budget, AttemptBucket charged, AttemptCounterStore buckets) {
        return store.reserveAttempt(id, budget, charged, buckets);
    }

    @Override
    public int removeByUser(UserId user) {
        return store.removeByUser(user);
    }

    @Override
    public int removeExpired(Instant cutoff) {
        return store.removeExpired(cutoff);
    }
}
