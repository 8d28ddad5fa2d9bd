package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.policy.BucketRule;
import io.twofold.mfa.policy.SecondFactorBudget;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.LoginState;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.TransactionStore.Reservation;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Applies the {@link SecondFactorBudget} around every MFA grant's own check: {@link #begin} reads the
 * login and refuses a spent budget as read; {@link #reserve} charges the attempt in the stores before
 * the code is looked at (the login's and the user's budget; {@link #reserve(OobChallenge)} the
 * {@code oob_code}'s); a right code gets the user's charge back ({@link #succeeded}).
 */
public final class SecondFactorAttempts {
    private final ClientGate clientGate;
    private final MfaTokenGuard guard;
    private final LoginStateStore loginStates;
    private final TransactionStore transactions;
    private final ChallengeStore challenges;
    private final AttemptBuckets buckets;
    private final SecondFactorBudget budget;
    private final AuditTrail audit;

    public SecondFactorAttempts(ClientGate clientGate, MfaTokenGuard guard, LoginStateStore loginStates,
                                TransactionStore transactions, ChallengeStore challenges, AttemptBuckets buckets,
                                SecondFactorBudget budget, AuditTrail audit) {
        this.clientGate = clientGate;
        this.guard = guard;
        this.loginStates = loginStates;
        this.transactions = transactions;
        this.challenges = challenges;
        this.buckets = buckets;
        this.budget = budget;
        this.audit = audit;
    }

    /**
     * The open transaction, the user's authenticators of the types the operator has on, and the user's
     * attempt bucket and the factor switches, all from one read; after {@link #reserve}, the bucket
     * as the charge saved it.
     */
    public record Attempt(MfaTransaction tx, GrantType grant, AttemptBucket userBucket, List<Authenticator> authenticators,
                          TenantPolicy policy) {
    }

    /** The open transaction, once the client may use the grant and no budget is spent as read. Nothing is charged yet. */
    public Either<MfaError, Attempt> begin(ClientCredentials client, GrantType grant, String mfaToken) {
        return clientGate.authorize(client, grant).flatMap(c -> begin(c.id(), grant, mfaToken));
    }

    private Either<MfaError, Attempt> begin(ClientId client, GrantType grant, String mfaToken) {
        if (MfaTokenGuard.isBlank(mfaToken)) {
            return Either.left(new MfaError.MalformedMfaToken());
        }
        Option<LoginState> state = loginStates.findByTokenHash(SecretHash.of(mfaToken));
        return guard.check(state.map(LoginState::transaction), client)
                .flatMap(tx -> budget.check(buckets.current(AttemptBucket.secondFactorKey(tx.userId()),
                                state.get().failures(), budget.userBucket()))
                        .peekLeft(e -> refused(tx, grant, "user_locked_out"))
                        .map(bucket -> attempt(tx, grant, bucket, state.get())));
    }

    private Attempt attempt(MfaTransaction tx, GrantType grant, AttemptBucket bucket, LoginState state) {
        // The switches come with the login state, read on every grant, never cached: a factor type
        // turned off stops its codes on every node at once.
        TenantPolicy policy = state.policy();
        return new Attempt(tx, grant, bucket, policy.usable(state.authenticators()), policy);
    }

    /**
     * Charges one attempt to the login and to the user, in the stores, before the code is checked;
     * refused (and the code never looked at) when either budget is spent by now.
     */
    public Either<MfaError, Attempt> reserve(Attempt attempt) {
        MfaTransaction tx = attempt.tx();
        BucketRule rule = budget.userBucket();
        // The login's attempt and the user's charge go to the stores in one step (one statement on
        // PostgreSQL); the user's is saved only once the login's is counted.
        Option<AttemptBucket> charged = buckets.next(attempt.userBucket(), rule, budget::charge);
        Reservation reservation = charged.isEmpty()
                ? (transactions.reserveAttempt(tx.id(), budget.perLogin())
                        ? Reservation.COUNTED_BUCKET_CHANGED : Reservation.SPENT)
                : transactions.reserveAttempt(tx.id(), budget.perLogin(), charged.get(), buckets.store());
        if (reservation == Reservation.SPENT) {
            refused(tx, attempt.grant(), "transaction_budget_spent");
            return Either.left(new MfaError.TooManyAttempts());
        }
        // Saved with the login's attempt, or else (another writer changed the bucket first, or it
        // refused as read) charged on its own from a fresh read, as often as its compare-and-set takes.
        Option<AttemptBucket> saved = reservation == Reservation.RESERVED ? charged
                : buckets.charge(buckets.current(attempt.userBucket().key(), rule), rule, budget::charge);
        return saved
                .<MfaError>toEither(MfaError.TooManyAttempts::new)
                .peekLeft(e -> refused(tx, attempt.grant(), "user_locked_out"))
                .map(bucket -> new Attempt(tx, attempt.grant(), bucket, attempt.authenticators(), attempt.policy()));
    }

    /** An {@code oob_code}'s budget as read: a spent one is refused before anything else. */
    public Either<MfaError, OobChallenge> check(OobChallenge challenge) {
        return budget.check(challenge);
    }

    /** Charges one attempt to an {@code oob_code} before its binding code is compared; false when it has none left. */
    public boolean reserve(OobChallenge challenge) {
        return challenges.reserveAttempt(challenge.id(), budget.perChallenge());
    }

    /**
     * A wrong code, already charged by {@link #reserve}: records it (and the lockout it completes) and
     * answers {@code error}. {@code authenticator}: the one the code was checked against, when only one was.
     */
    public <T> Either<MfaError, T> failed(Attempt reserved, String factor, Option<AuthenticatorId> authenticator,
                                          MfaError error) {
        MfaTransaction tx = reserved.tx();
        if (budget.isLocked(reserved.userBucket())) {
            audit.record("mfa.lockout", Option.of(tx.userId()), Option.none(), "factor", factor,
                    "consecutive_failures", Integer.toString(reserved.userBucket().consecutiveFailures()));
        }
        String checked = authenticator.map(AuthenticatorId::value).getOrElse("none");
        audit.record("mfa.failure", tx.userId(), tx.clientId(), "transaction", tx.id().value(), "factor", factor,
                "authenticator", checked);
        return Either.left(error);
    }

    /**
     * A right code: {@code completion} uses the login up, and the user's charge comes back (the run of
     * failures ends) in the same step; when the bucket changed meanwhile, the give-back is retried on
     * a fresh read.
     */
    public Either<MfaError, TokenRequest> succeeded(Attempt reserved, TokenCompletion completion, String authenticator) {
        AttemptBucket charged = reserved.userBucket();
        AttemptBucket givenBack = buckets.next(charged, budget.userBucket(), bucket -> Option.some(budget.giveBack(bucket))).get();
        return completion.complete(reserved.tx(), authenticator, new TransactionStore.BucketWrite(givenBack, buckets.store()),
                () -> buckets.update(charged.key(), budget.userBucket(), budget::giveBack));
    }

    /**
     * Forgets users whose bucket is full again and who have no failures in a row; a run of failures
     * is kept however old, since only a right code ends it (the hard stop counts across days).
     */
    public int removeRestedBuckets() {
        return buckets.removeRested(AttemptBucket.SECOND_FACTOR_KEY_PREFIX, budget.userBucket());
    }

    private void refused(MfaTransaction tx, GrantType grant, String reason) {
        audit.record("mfa.refused", tx.userId(), tx.clientId(), "transaction", tx.id().value(), "reason", reason,
                "grant", grant.wireName());
    }
}
