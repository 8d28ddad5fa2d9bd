package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.LoginState;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * What every MFA grant does around its own check: the client, the {@code mfa_token}, and both
 * attempt budgets before the code is looked at; both budgets charged after a wrong code.
 */
final class SecondFactorAttempts {
    private final ClientGate clientGate;
    private final MfaTokenGuard guard;
    private final UserAttemptLimiter userLimiter;
    private final LoginStateStore loginStates;
    private final TransactionStore transactions;
    private final AuditTrail audit;

    SecondFactorAttempts(ClientGate clientGate, MfaTokenGuard guard, UserAttemptLimiter userLimiter,
                         LoginStateStore loginStates, TransactionStore transactions, AuditTrail audit) {
        this.clientGate = clientGate;
        this.guard = guard;
        this.userLimiter = userLimiter;
        this.loginStates = loginStates;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * The open transaction, the user's authenticators, and the user's attempt bucket as read for the
     * budget check, all from one read; the bucket is carried to {@link #failed} or {@link #succeeded}
     * so a verification reads it once.
     */
    record Attempt(MfaTransaction tx, AttemptBucket userBucket, List<Authenticator> authenticators) {
    }

    /** The open transaction, once the client may use the grant and no budget is spent. */
    Either<MfaError, Attempt> begin(ClientCredentials client, GrantType grant, String mfaToken) {
        return clientGate.authorize(client, grant).flatMap(c -> begin(c.id(), mfaToken));
    }

    private Either<MfaError, Attempt> begin(ClientId client, String mfaToken) {
        if (MfaTokenGuard.isBlank(mfaToken)) {
            return Either.left(new MfaError.MalformedMfaToken());
        }
        Option<LoginState> state = loginStates.findByTokenHash(SecretHash.of(mfaToken), UserAttemptLimiter.KEY_PREFIX);
        return guard.check(state.map(LoginState::transaction), client)
                .flatMap(tx -> userLimiter.check(tx.userId(), state.get().failures())
                        .peekLeft(e -> audit.record("mfa.refused", tx.userId(), tx.clientId(),
                                "transaction", tx.id().value(), "reason", "user_locked_out"))
                        .map(bucket -> new Attempt(tx, bucket, state.get().authenticators())));
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
