package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Ends a login in two steps: {@link #complete} uses the transaction up inside the grant's unit of
 * work, and {@link #issue} signs the tokens after that work has committed. Signing after the commit
 * means no token exists for a completion that rolled back, and the rows and the pooled connection
 * are not held while an RSA signature is computed (the most expensive step of a grant).
 */
public final class TokenCompletion {
    private final TransactionStore transactions;
    private final UserDirectory users;
    private final TokenIssuer tokens;
    private final AuditTrail audit;
    private final Clock clock;

    public TokenCompletion(TransactionStore transactions, UserDirectory users, TokenIssuer tokens, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Uses the transaction up (recording the success with it, and the verified {@code authenticator}),
     * saving {@code alongside} in the same step (the user's charge given back: one statement on
     * PostgreSQL); {@code saveApart} saves it on its own when that step did not (another writer changed
     * the bucket first, or nothing was completed). The request for the tokens to issue once committed. A user blocked meanwhile gets none: blocking
     * removes their transactions, and this check covers one opened by a login that raced the block (as
     * fresh as the directory's profile: at once on the blocking node).
     */
    public Either<MfaError, TokenRequest> complete(MfaTransaction transaction, String authenticator,
                                                   TransactionStore.BucketWrite alongside, Runnable saveApart) {
        return users.findById(transaction.userId())
                .<Either<MfaError, TokenRequest>>map(user -> {
                    if (user.blocked()) {
                        saveApart.run();
                        return Either.left(new MfaError.UserBlocked());
                    }
                    // The compare-and-set decides: of two grants racing on one mfa_token, one wins. The
                    // grant's success and the factor's own (Auth0's gd_auth_succeed) are written with it.
                    TransactionStore.Completion done = transactions.complete(transaction.id(), List.of(
                            audit.event("mfa.success", transaction.userId(), transaction.clientId(),
                                    "transaction", transaction.id().value(), "authenticator", authenticator),
                            audit.event("mfa.verified", transaction.userId(), transaction.clientId(),
                                    "transaction", transaction.id().value(), "authenticator", authenticator)),
                            alongside);
                    if (!done.bucketSaved()) {
                        saveApart.run();
                    }
                    return done.completed()
                            ? Either.right(new TokenRequest(user, transaction.clientId(), transaction.audience(),
                                    transaction.scope(), true, clock.instant()))
                            : Either.left(new MfaError.MalformedMfaToken());
                })
                .getOrElse(() -> {
                    saveApart.run();
                    return Either.left(new MfaError.MalformedMfaToken());
                });
    }

    /** Signs the tokens for a completed transaction; call it after the unit of work has returned. */
    public IssuedTokens issue(TokenRequest request) {
        return tokens.issue(request);
    }
}
