package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.TokenRequest;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Either;

import java.time.Clock;

/** Ends a login: uses the transaction up, then issues tokens for the request that opened it. */
final class TokenCompletion {
    private final TransactionStore transactions;
    private final UserDirectory users;
    private final TokenIssuer tokens;
    private final AuditTrail audit;
    private final Clock clock;

    TokenCompletion(TransactionStore transactions, UserDirectory users, TokenIssuer tokens, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    Either<MfaError, IssuedTokens> complete(MfaTransaction transaction, String factor) {
        return users.findById(transaction.userId())
                .<Either<MfaError, IssuedTokens>>map(user -> {
                    // The compare-and-set decides: of two grants racing on one mfa_token, one wins.
                    if (!transactions.complete(transaction.id())) {
                        return Either.left(new MfaError.MalformedMfaToken());
                    }
                    audit.record("mfa.success", transaction.userId(), transaction.clientId(),
                            "transaction", transaction.id().value(), "factor", factor);
                    return Either.right(tokens.issue(new TokenRequest(user, transaction.clientId(),
                            transaction.audience(), transaction.scope(), true, clock.instant())));
                })
                .getOrElse(() -> Either.left(new MfaError.MalformedMfaToken()));
    }
}
