package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.Bearer;
import io.twofold.mfa.usecase.internal.BearerResolver;
import io.twofold.mfa.usecase.internal.MfaTokenGuard;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Deletes an authenticator with an MFA API access token holding {@code remove:authenticators}
 * (spec 8). Authenticators sharing a device part (an SMS and a voice factor on one phone) go
 * together. The recovery code cannot be deleted on its own; it goes with the last real factor, so
 * that the user can enroll afresh and gets a new one.
 */
record DeleteAuthenticatorService(BearerResolver bearers, MfaTokenGuard guard, TokenIssuer tokens,
        AuthenticatorStore authenticators, UnitOfWork unitOfWork, AuditTrail audit, Clock clock)
        implements DeleteAuthenticator {
    static final String REMOVE_SCOPE = "remove:authenticators";
    static final String MFA_TOKEN_REFUSED = "an mfa_token cannot delete authenticators; use an MFA API access token";

    @Override
    public Either<MfaError, List<AuthenticatorId>> delete(String bearer, String authenticatorId) {
        if (bearer != null && !tokens.looksLikeAccessToken(bearer) && guard.isKnown(bearer)) {
            return Either.left(new MfaError.InvalidToken(MFA_TOKEN_REFUSED));
        }
        return bearers.accessToken(bearer == null ? "" : bearer)
                .flatMap(b -> b.requireScopeIfAccessToken(REMOVE_SCOPE))
                .flatMap(b -> unitOfWork.inTransaction(() -> remove(b, authenticatorId)));
    }

    private Either<MfaError, List<AuthenticatorId>> remove(Bearer bearer, String rawId) {
        UserId user = bearer.user();
        List<Authenticator> all = authenticators.findByUser(user);
        UserFactors factors = new UserFactors(all, clock.instant());
        List<Authenticator> named = AuthenticatorId.parse(rawId).toList()
                .flatMap(id -> factors.live().filter(a -> a.id().equals(id)));
        if (named.isEmpty()) {
            return Either.left(new MfaError.AuthenticatorNotFound());
        }
        if (named.head().id().kind() == AuthenticatorKind.RECOVERY_CODE) {
            return Either.left(new MfaError.CannotDelete("The recovery code cannot be deleted."));
        }
        String device = named.head().id().device();
        List<AuthenticatorId> removed = all.map(Authenticator::id).filter(id -> id.device().equals(device));
        // "Last" counts pending factors too: a pending one left behind still activates the recovery code.
        boolean lastRealFactor = factors.live().filter(a -> a.id().kind() != AuthenticatorKind.RECOVERY_CODE)
                .forAll(a -> removed.contains(a.id()));
        List<AuthenticatorId> withRecovery = lastRealFactor
                ? removed.appendAll(all.map(Authenticator::id).filter(id -> id.kind() == AuthenticatorKind.RECOVERY_CODE))
                : removed;
        authenticators.remove(user, withRecovery);
        withRecovery.forEach(id -> audit.record("authenticator.deleted", user, bearer.client(),
                "authenticator", id.value()));
        return Either.right(withRecovery);
    }
}
