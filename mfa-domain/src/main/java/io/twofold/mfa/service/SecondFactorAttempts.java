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
import io.twofold.mfa.policy.AttemptBudgets;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * What every MFA grant does around its own check: the client, the {@code mfa_token}, and both
 * attempt budgets (the transaction's and the user's). {@link #begin} refuses a spent budget from
 * what it read; {@link #reserve} then charges the attempt to both budgets in the store before the
 * code is looked at, so parallel guesses on any number of nodes get no more checks than the budgets
 * allow. A right code gets the user's charge back ({@link #succeeded}); a wrong one keeps both.
 */
final class SecondFactorAttempts {
    private final ClientGate clientGate;
    private final MfaTokenGuard guard;
    private final UserAttemptLimiter userLimiter;
    private final LoginStateStore loginStates;
    private final TransactionStore transactions;
    private final AttemptBudgets budgets;
    private final AuditTrail audit;

    SecondFactorAttempts(ClientGate clientGate, MfaTokenGuard guard, UserAttemptLimiter userLimiter,
                         LoginStateStore loginStates, TransactionStore transactions, AttemptBudgets budgets,
                         AuditTrail audit) {
        this.clientGate = clientGate;
        this.guard = guard;
        this.userLimiter = userLimiter;
        this.loginStates = loginStates;
        this.transactions = transactions;
        this.budgets = budgets;
        this.audit = audit;
    }

    /**
     * The open transaction, the user's authenticators, and the user's attempt bucket, all from one
     * read; after {@link #reserve}, the bucket as the reservation saved it.
     */
    record Attempt(MfaTransaction tx, AttemptBucket userBucket, List<Authenticator> authenticators) {
    }

    /** The open transaction, once the client may use the grant and no budget is spent as read. Nothing is charged yet. */
    Either<MfaError, Attempt> begin(ClientCredentials client, GrantType grant, String mfaToken) {
        return clientGate.authorize(client, grant).flatMap(c -> begin(c.id(), mfaToken));
    }

    private Either<MfaError, Attempt> begin(ClientId client, String mfaToken) {
        if (MfaTokenGuard.isBlank(mfaToken)) {
            return Either.left(new MfaError.MalformedMfaToken());
        }
        Option<LoginState> state = loginStates.findByTokenHash(SecretHash.of(mfaToken));
        return guard.check(state.map(LoginState::transaction), client)
                .flatMap(tx -> userLimiter.check(tx.userId(), state.get().failures())
                        .peekLeft(e -> refused(tx, "user_locked_out"))
                        .map(bucket -> new Attempt(tx, bucket, state.get().authenticators())));
    }

    /**
     * Charges one attempt to the transaction and to the user, in the store, before the code is
     * checked; refused (and the code never looked at) when either budget is spent by now.
     */
    Either<MfaError, Attempt> reserve(Attempt attempt) {
        MfaTransaction tx = attempt.tx();
        if (!transactions.reserveAttempt(tx.id(), budgets.perTransaction())) {
            refused(tx, "transaction_budget_spent");
            return Either.left(new MfaError.TooManyAttempts());
        }
        return userLimiter.reserve(tx.userId(), attempt.userBucket())
                .peekLeft(e -> refused(tx, "user_locked_out"))
                .map(bucket -> new Attempt(tx, bucket, attempt.authenticators()));
    }

    /** A wrong code, already charged by {@link #reserve}: records it and answers {@code error}. */
    <T> Either<MfaError, T> failed(Attempt reserved, String factor, MfaError error) {
        MfaTransaction tx = reserved.tx();
        userLimiter.failed(tx.userId(), reserved.userBucket());
        audit.record("mfa.failure", tx.userId(), tx.clientId(), "transaction", tx.id().value(), "factor", factor);
        return Either.left(error);
    }

    /** A right code: the user's charge comes back and the run of failures ends. */
    void succeeded(Attempt reserved) {
        userLimiter.release(reserved.userBucket());
    }

    private void refused(MfaTransaction tx, String reason) {
        audit.record("mfa.refused", tx.userId(), tx.clientId(), "transaction", tx.id().value(), "reason", reason);
    }
}
