package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.control.Either;

/**
 * What every MFA grant does around its own check: the client, the {@code mfa_token}, and both
 * attempt budgets before the code is looked at; both budgets charged after a wrong code.
 */
final class SecondFactorAttempts {
    private final ClientGate clientGate;
    private final MfaTokenGuard guard;
    private final UserAttemptLimiter userLimiter;
    private final TransactionStore transactions;
    private final AuditTrail audit;

    SecondFactorAttempts(ClientGate clientGate, MfaTokenGuard guard, UserAttemptLimiter userLimiter,
                         TransactionStore transactions, AuditTrail audit) {
        this.clientGate = clientGate;
        this.guard = guard;
        this.userLimiter = userLimiter;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * The open transaction, and the user's attempt bucket as read for the budget check; carried to
     * {@link #failed} or {@link #succeeded} so a verification reads the bucket once.
     */
    record Attempt(MfaTransaction tx, AttemptBucket userBucket) {
    }

    /** The open transaction, once the client may use the grant and no budget is spent. */
    Either<MfaError, Attempt> begin(ClientCredentials client, GrantType grant, String mfaToken) {
        return clientGate.authorize(client, grant)
                .flatMap(c -> guard.open(mfaToken, c.id()))
                .flatMap(tx -> userLimiter.check(tx.userId())
                        .peekLeft(e -> audit.record("mfa.refused", tx.userId(), tx.clientId(),
                                "transaction", tx.id().value(), "reason", "user_locked_out"))
                        .map(bucket -> new Attempt(tx, bucket)));
    }

    /** Charges a wrong code to the transaction and to the user, and answers {@code error}. */
    <T> Either<MfaError, T> failed(Attempt attempt, String factor, MfaError error) {
        MfaTransaction tx = attempt.tx();
        int failures = transactions.recordFailure(tx.id());
        userLimiter.recordFailure(tx.userId(), attempt.userBucket());
        audit.record("mfa.failure", tx.userId(), tx.clientId(), "transaction", tx.id().value(),
                "factor", factor, "transaction_failures", Integer.toString(failures));
        return Either.left(error);
    }

    void succeeded(Attempt attempt) {
        userLimiter.recordSuccess(attempt.userBucket());
    }
}
