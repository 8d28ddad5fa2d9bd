package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * Lists the user's authenticators for an open login's {@code mfa_token} or an access token with
 * {@code read:authenticators}. Pending ones show as inactive; expired pending ones not at all.
 */
public final class ListAuthenticatorsService implements ListAuthenticators {
    static final String READ_SCOPE = "read:authenticators";

    private final MfaDependencies deps;
    private final BearerResolver bearers;

    ListAuthenticatorsService(MfaDependencies deps, BearerResolver bearers) {
        this.deps = deps;
        this.bearers = bearers;
    }

    @Override
    public Either<MfaError, List<AuthenticatorView>> list(String bearer) {
        return bearers.resolve(bearer)
                .flatMap(b -> b.requireScopeIfAccessToken(READ_SCOPE))
                .map(b -> new UserFactors(deps.authenticators().findByUser(b.user()), deps.clock().instant())
                        .live().map(ListAuthenticatorsService::view));
    }

    static AuthenticatorView view(Authenticator authenticator) {
        return new AuthenticatorView(authenticator.id(), authenticator.id().kind().authenticatorType(),
                authenticator.isActive(), authenticator.id().kind().oobChannel(), authenticator.factor().displayName());
    }
}
