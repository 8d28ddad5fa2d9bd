package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.policy.OfflineAccess;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.RenewTokensCommand;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * The {@code refresh_token} grant. The decision is taken in one unit of work (rotate or touch, or
 * revoke the family on reuse, with its audit event); the tokens are signed after it committed, as
 * for the other grants.
 */
record RenewTokensService(ClientGate clientGate, RefreshTokenStore store, UserDirectory users, TokenIssuer tokens,
        UnitOfWork unitOfWork, SecretGenerator secrets, AuditTrail audit, Clock clock) implements RenewTokens {

    /** What a successful refresh issues once committed: the access token's request and the next refresh token. */
    private record Renewal(TokenRequest request, Option<String> nextRefreshToken) {
    }

    @Override
    public Either<MfaError, IssuedTokens> renew(RenewTokensCommand command) {
        return clientGate.authorize(command.client(), GrantType.REFRESH_TOKEN)
                .flatMap(client -> unitOfWork.inTransaction(() -> renew(client, command)))
                .map(renewal -> tokens.issue(renewal.request()).withRefreshToken(renewal.nextRefreshToken()));
    }

    private Either<MfaError, Renewal> renew(Client client, RenewTokensCommand command) {
        Instant now = clock.instant();
        SecretHash hash = SecretHash.of(command.refreshToken());
        Option<PresentedRefreshToken> found = store.find(hash);
        if (found.isEmpty()) {
            return refused(client, Option.none(), "unknown");
        }
        PresentedRefreshToken presented = found.get();
        RefreshFamily family = presented.family();
        // Another client's token is unknown to this one: it neither works nor revokes anything.
        if (!family.belongsTo(client.id())) {
            return refused(client, Option.none(), "other_client");
        }
        if (family.isRevoked()) {
            return refused(client, Option.some(family), "revoked");
        }
        if (family.isExpired(now)) {
            return refused(client, Option.some(family), "expired");
        }
        if (presented.retired()) {
            return reused(client, family, now);
        }
        Scope scope = command.scope().getOrElse(family.scope());
        if (!OfflineAccess.narrowsOrEquals(scope, family.scope())) {
            audit.record("token.refresh_failed", family.userId(), client.id(), "family", family.id().value(),
                    "reason", "invalid_scope");
            return Either.left(new MfaError.InvalidScope());
        }
        Option<User> user = users.findById(family.userId());
        if (user.isEmpty()) {
            return refused(client, Option.some(family), "unknown_user");
        }
        if (isBlocked(user.get())) {
            audit.record("token.refresh_failed", family.userId(), client.id(), "family", family.id().value(),
                    "reason", "blocked");
            return Either.left(new MfaError.UserBlockedOnRefresh());
        }
        return next(client, presented, now).map(nextToken -> {
            audit.record("token.refresh", family.userId(), client.id(), "family", family.id().value(),
                    "rotated", Boolean.toString(nextToken.isDefined()));
            return new Renewal(new TokenRequest(user.get(), client.id(), family.audience(), scope, family.mfaPassed(),
                    now), nextToken);
        });
    }

    /**
     * A user an operator blocked gets no tokens by refresh (the profile is read fresh on the blocking node,
     * and blocking revokes the user's families in the same unit of work, which ends them on every node).
     */
    static boolean isBlocked(User user) {
        return user.blocked();
    }

    /**
     * Rotating: one conditional write retires the presented token and adds the next one; losing it means
     * another request retired the token first, which is reuse like any other (no grace period, as
     * Auth0 without a rotation overlap). Non-rotating: the family's idle expiry moves on.
     */
    private Either<MfaError, Option<String>> next(Client client, PresentedRefreshToken presented, Instant now) {
        RefreshTokenPolicy policy = client.refreshTokens();
        RefreshFamily family = presented.family();
        if (policy.rotation() == RefreshTokenPolicy.Rotation.NON_ROTATING) {
            return store.touch(family.id(), policy.idleExpiresAt(now))
                    ? Either.right(Option.none())
                    : refused(client, Option.some(family), "revoked");
        }
        String next = secrets.opaqueToken();
        return store.rotate(presented.tokenHash(), SecretHash.of(next), now, policy.idleExpiresAt(now))
                ? Either.right(Option.some(next))
                : reused(client, family, now);
    }

    /** A retired token presented again: whoever holds it, the family is no longer safe to use. */
    private <T> Either<MfaError, T> reused(Client client, RefreshFamily family, Instant now) {
        boolean revoked = store.revokeFamily(family.id(), now);
        audit.record("token.refresh_reuse", family.userId(), client.id(), "family", family.id().value(),
                "family_revoked", Boolean.toString(revoked));
        return Either.left(new MfaError.InvalidRefreshToken());
    }

    private <T> Either<MfaError, T> refused(Client client, Option<RefreshFamily> family, String reason) {
        audit.record("token.refresh_failed", family.map(RefreshFamily::userId), Option.of(client.id()),
                "family", family.map(f -> f.id().value()).getOrElse("-"), "reason", reason);
        return Either.left(new MfaError.InvalidRefreshToken());
    }
}
