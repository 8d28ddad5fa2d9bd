package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.usecase.internal.BearerResolver;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Lists the user's authenticators for an open login's {@code mfa_token} or an access token with
 * {@code read:authenticators}. Pending ones show as inactive; expired pending ones not at all.
 */
record ListAuthenticatorsService(BearerResolver bearers, AuthenticatorStore authenticators, Clock clock)
        implements ListAuthenticators {
    static final String READ_SCOPE = "read:authenticators";

    @Override
    public Either<MfaError, List<AuthenticatorView>> list(String bearer) {
        return bearers.resolve(bearer)
                .flatMap(b -> b.requireScopeIfAccessToken(READ_SCOPE))
                .map(b -> new UserFactors(authenticators.findByUser(b.user()), clock.instant())
                        .live().map(ListAuthenticatorsService::view));
    }

    static AuthenticatorView view(Authenticator authenticator) {
        return new AuthenticatorView(authenticator.id(), authenticator.id().kind().authenticatorType(),
                authenticator.isActive(), authenticator.id().kind().oobChannel(), authenticator.factor().displayName());
    }
}
