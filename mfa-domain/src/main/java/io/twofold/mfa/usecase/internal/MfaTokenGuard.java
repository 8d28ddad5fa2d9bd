package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.policy.SecondFactorBudget;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * Turns a presented {@code mfa_token} into its open transaction. The token is looked up by its hash
 * only; unknown, used-up and foreign-client tokens get the same answer, so a caller cannot tell
 * which of the three it hit.
 */
public final class MfaTokenGuard {
    private final TransactionStore transactions;
    private final SecondFactorBudget budget;
    private final Clock clock;

    public MfaTokenGuard(TransactionStore transactions, SecondFactorBudget budget, Clock clock) {
        this.transactions = transactions;
        this.budget = budget;
        this.clock = clock;
    }

    /** The open transaction, which must belong to {@code client}. */
    public Either<MfaError, MfaTransaction> open(String mfaToken, ClientId client) {
        return open(mfaToken, Option.of(client));
    }

    /** The open transaction; {@code client} none where the call carries no client (the list call). */
    public Either<MfaError, MfaTransaction> open(String mfaToken, Option<ClientId> client) {
        return isBlank(mfaToken)
                ? Either.left(new MfaError.MalformedMfaToken())
                : check(transactions.findByTokenHash(SecretHash.of(mfaToken)), client);
    }

    /**
     * The open transaction out of what a store found for a presented token (see {@link #isBlank}
     * for the token itself), which must belong to {@code client}.
     */
    public Either<MfaError, MfaTransaction> check(Option<MfaTransaction> found, ClientId client) {
        return check(found, Option.of(client));
    }

    private Either<MfaError, MfaTransaction> check(Option<MfaTransaction> found, Option<ClientId> client) {
        if (found.isEmpty() || found.get().completed()
                || client.exists(c -> !found.get().isBoundTo(c))) {
            return Either.left(new MfaError.MalformedMfaToken());
        }
        MfaTransaction transaction = found.get();
        if (transaction.isExpired(clock.instant())) {
            return Either.left(new MfaError.ExpiredMfaToken());
        }
        return budget.check(transaction);
    }

    /** A missing or blank token is malformed before any look-up. */
    public static boolean isBlank(String mfaToken) {
        return mfaToken == null || mfaToken.isBlank();
    }

    /** Whether the value is a stored transaction's token at all (open or not). */
    public boolean isKnown(String token) {
        return !isBlank(token) && transactions.findByTokenHash(SecretHash.of(token)).isDefined();
    }
}
