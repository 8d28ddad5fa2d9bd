package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.RevokeRefreshToken;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.vavr.control.Either;

import java.time.Clock;

/** {@code POST /oauth/revoke}: the client's own refresh token's family dies, with its audit event. */
record RevokeRefreshTokenService(ClientGate clientGate, RefreshTokenStore store, UnitOfWork unitOfWork,
        AuditTrail audit, Clock clock) implements RevokeRefreshToken {

    @Override
    public Either<MfaError, Boolean> revoke(ClientCredentials credentials, String refreshToken) {
        return clientGate.authenticate(credentials)
                .map(client -> unitOfWork.inTransaction(() -> store.find(SecretHash.of(refreshToken))
                        .filter(token -> token.family().belongsTo(client.id()))
                        .map(token -> revoke(client, token))
                        .getOrElse(false)));
    }

    private boolean revoke(Client client, PresentedRefreshToken token) {
        boolean revoked = store.revokeFamily(token.family().id(), clock.instant());
        if (revoked) {
            audit.record("token.revoked", token.family().userId(), client.id(), "family", token.family().id().value());
        }
        return revoked;
    }
}
