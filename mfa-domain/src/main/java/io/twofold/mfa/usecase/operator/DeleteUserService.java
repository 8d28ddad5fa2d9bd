package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.RefreshTokenRevocation;
import io.vavr.control.Either;

/**
 * Deletes a user and everything that could still act for them: their authenticators (pending and
 * active), open MFA transactions and out-of-band challenges, all in one unit of work. Deleting again
 * cleans up again and is no error (Auth0 answers 204 both times).
 */
record DeleteUserService(UserAccounts accounts, AuthenticatorStore authenticators, TransactionStore transactions,
                         ChallengeStore challenges, RefreshTokenRevocation refreshTokens, UnitOfWork unitOfWork,
                         AuditTrail audit) {

    Either<OperatorError, Boolean> delete(ClientId actor, UserId id) {
        return unitOfWork.inTransaction(() -> {
            // The user row first: it serialises this delete with a concurrent update of the same user.
            boolean removed = accounts.remove(id);
            int factors = authenticators.remove(id, authenticators.findByUser(id).map(Authenticator::id));
            int ended = transactions.removeByUser(id);
            int dropped = challenges.removeByUser(id);
            refreshTokens.revokeUser(actor, id, "deleted");
            if (removed) {
                audit.record("mgmt.user.deleted", id, actor, "authenticators", String.valueOf(factors),
                        "transactions", String.valueOf(ended), "challenges", String.valueOf(dropped));
            }
            return Either.right(removed);
        });
    }
}
