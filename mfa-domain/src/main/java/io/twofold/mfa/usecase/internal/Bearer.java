package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;

/** Who a bearer on an {@code /mfa/*} call speaks for: an open login's {@code mfa_token}, or an MFA API access token. */
public sealed interface Bearer {

    UserId user();

    /** The client the bearer was issued to. */
    ClientId client();

    /** Passes an access token that holds {@code scope}; an {@code mfa_token} passes untouched. */
    Either<MfaError, Bearer> requireScopeIfAccessToken(String scope);

    record MfaToken(MfaTransaction transaction) implements Bearer {
        @Override
        public UserId user() {
            return transaction.userId();
        }

        @Override
        public ClientId client() {
            return transaction.clientId();
        }

        @Override
        public Either<MfaError, Bearer> requireScopeIfAccessToken(String scope) {
            return Either.right(this);
        }
    }

    record AccessToken(AccessTokenClaims claims) implements Bearer {
        @Override
        public UserId user() {
            return claims.subject();
        }

        @Override
        public ClientId client() {
            return claims.clientId();
        }

        @Override
        public Either<MfaError, Bearer> requireScopeIfAccessToken(String scope) {
            return claims.scope().contains(scope)
                    ? Either.right(this)
                    : Either.left(new MfaError.InsufficientScope(scope));
        }
    }
}
