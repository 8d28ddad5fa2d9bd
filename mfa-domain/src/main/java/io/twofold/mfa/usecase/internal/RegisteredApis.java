package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.policy.BuiltInApis;
import io.twofold.mfa.policy.UserTokenScopes;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * The APIs tokens may be issued for: the built-in ones and those operators registered. A host that
 * registers none (no {@link ResourceServerStore}) keeps the old rule: any audience, any scope.
 */
public final class RegisteredApis {
    private final Option<ResourceServerStore> store;
    private final List<ResourceServer> builtIns;
    private final String managementAudience;

    private RegisteredApis(Option<ResourceServerStore> store, TokenIssuer tokens, Duration managementTokenLifetime) {
        this.store = store;
        this.managementAudience = tokens.managementApiAudience();
        this.builtIns = List.of(BuiltInApis.management(managementAudience, managementTokenLifetime),
                BuiltInApis.mfa(tokens.mfaApiAudience()));
    }

    public static RegisteredApis of(ResourceServerStore store, TokenIssuer tokens) {
        return of(store, tokens, BuiltInApis.MANAGEMENT_TOKEN_LIFETIME);
    }

    /** With the lifetime of Management API tokens the deployment configured. */
    public static RegisteredApis of(ResourceServerStore store, TokenIssuer tokens, Duration managementTokenLifetime) {
        return new RegisteredApis(Option.of(store), tokens, managementTokenLifetime);
    }

    /** No registry: every audience passes, with every scope asked for. */
    public static RegisteredApis unchecked(TokenIssuer tokens) {
        return new RegisteredApis(Option.none(), tokens, BuiltInApis.MANAGEMENT_TOKEN_LIFETIME);
    }

    public List<ResourceServer> builtIns() {
        return builtIns;
    }

    /** The built-in MFA API (none on a host whose token issuer has none). */
    public Option<ResourceServer> mfaApi() {
        return Option.of(builtIns.get(1));
    }

    /** The API whose identifier is {@code audience}. */
    public Option<ResourceServer> find(String audience) {
        return builtIns.find(api -> api.identifier().equals(audience))
                .orElse(() -> store.flatMap(apis -> apis.findByIdentifier(audience)));
    }

    /** The built-in API with this id. */
    public Option<ResourceServer> builtIn(String idOrIdentifier) {
        return builtIns.find(api -> api.id().equals(idOrIdentifier) || api.identifier().equals(idOrIdentifier));
    }

    /**
     * The scopes a user login gets for {@code audience}: without an audience, what it asked for
     * (today's default token); for a registered API, {@link UserTokenScopes#forUser}; an unknown
     * audience, and the Management API (machine tokens only), are refused.
     */
    public Either<MfaError, Scope> forUserLogin(Option<String> audience, Scope requested) {
        Option<String> named = audience.filter(value -> !value.isBlank());
        if (named.isEmpty() || store.isEmpty()) {
            return Either.right(requested);
        }
        if (named.get().equals(managementAudience)) {
            return Either.left(new MfaError.AudienceNotForUsers(named.get()));
        }
        return find(named.get())
                .<Either<MfaError, Scope>>map(api -> Either.right(UserTokenScopes.forUser(api, requested)))
                .getOrElse(() -> Either.left(new MfaError.UnknownAudience(named.get())));
    }
}
