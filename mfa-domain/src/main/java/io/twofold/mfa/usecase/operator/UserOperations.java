package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.port.in.operator.UserAdministration;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.RefreshTokenRevocation;

import java.time.Clock;

/** Builds the operator's user use cases from the ports they use. */
public final class UserOperations {
    private UserOperations() {
    }

    public static UserAdministration of(UserAccounts accounts, AuthenticatorStore authenticators,
                                        TransactionStore transactions, ChallengeStore challenges,
                                        RefreshTokenStore refreshTokens, UnitOfWork unitOfWork,
                                        AuditLog auditLog, RandomSource random, Clock clock) {
        AuditTrail audit = new AuditTrail(auditLog, clock);
        RefreshTokenRevocation revocation = new RefreshTokenRevocation(refreshTokens, audit, clock);
        return new UserAdministrationService(
                new CreateUserService(accounts, unitOfWork, audit, random, clock),
                new FindUsersService(accounts),
                new UpdateUserService(accounts, transactions, challenges, revocation, unitOfWork, audit, clock),
                new DeleteUserService(accounts, authenticators, transactions, challenges, revocation, unitOfWork, audit));
    }
}
