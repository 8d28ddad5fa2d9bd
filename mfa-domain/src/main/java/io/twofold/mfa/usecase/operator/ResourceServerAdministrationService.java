package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.in.operator.Listing;
import io.twofold.mfa.port.in.operator.ResourceServerAdministration;
import io.twofold.mfa.port.in.operator.ResourceServerChanges;
import io.twofold.mfa.port.in.operator.ResourceServerDraft;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.RegisteredApis;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;

/** Registered APIs. The built-in ones come first in every listing and are read-only. */
final class ResourceServerAdministrationService implements ResourceServerAdministration {
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(86_400);
    /** Auth0's ceiling: 30 days. */
    static final Duration MAX_LIFETIME = Duration.ofDays(30);
    static final int MAX_IDENTIFIER = 600;

    private final ResourceServerStore store;
    private final ClientGrantStore grants;
    private final RegisteredApis apis;
    private final UnitOfWork unitOfWork;
    private final ClientKeys keys;
    private final AuditTrail audit;

    ResourceServerAdministrationService(ResourceServerStore store, ClientGrantStore grants, RegisteredApis apis,
                                        UnitOfWork unitOfWork, ClientKeys keys, AuditTrail audit) {
        this.store = store;
        this.grants = grants;
        this.apis = apis;
        this.unitOfWork = unitOfWork;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public Either<OperatorError, ResourceServer> create(ClientId actor, ResourceServerDraft draft) {
        String identifier = draft.identifier();
        if (identifier == null || identifier.isBlank() || identifier.length() > MAX_IDENTIFIER) {
            return Either.left(new OperatorError.InvalidInput("identifier must be 1 to " + MAX_IDENTIFIER + " characters"));
        }
        if (apis.builtIn(identifier).isDefined()) {
            return Either.left(new OperatorError.ResourceServerExists());
        }
        return checked(draft.name().getOrElse(identifier), draft.scopes(), draft.tokenLifetime().getOrElse(DEFAULT_LIFETIME))
                .map(valid -> new ResourceServer(keys.resourceServerId(), identifier, valid.name(), valid.scopes(),
                        valid.tokenLifetime(), draft.allowOfflineAccess(),
                        draft.signingAlgorithm().getOrElse(SigningAlgorithm.RS256), false))
                .flatMap(api -> unitOfWork.inTransaction(() -> {
                    if (!store.add(api)) {
                        return Either.left(new OperatorError.ResourceServerExists());
                    }
                    recorded("mgmt.resource_server.created", actor, api);
                    return Either.right(api);
                }));
    }

    @Override
    public Listing<ResourceServer> list(int offset, int limit) {
        List<ResourceServer> builtIns = apis.builtIns().drop(offset).take(limit);
        int storedOffset = Math.max(0, offset - apis.builtIns().size());
        int storedLimit = limit - builtIns.size();
        List<ResourceServer> stored = storedLimit > 0 ? store.page(storedOffset, storedLimit) : List.empty();
        return new Listing<>(builtIns.appendAll(stored), apis.builtIns().size() + store.count());
    }

    @Override
    public Either<OperatorError, ResourceServer> find(String idOrIdentifier) {
        return apis.builtIn(idOrIdentifier)
                .orElse(() -> store.find(idOrIdentifier))
                .orElse(() -> store.findByIdentifier(idOrIdentifier))
                .toEither(OperatorError.UnknownResourceServer::new);
    }

    @Override
    public Either<OperatorError, ResourceServer> update(ClientId actor, String idOrIdentifier,
                                                        ResourceServerChanges changes) {
        return unitOfWork.inTransaction(() -> registered(idOrIdentifier).flatMap(current ->
                checked(changes.name().getOrElse(current.name()), changes.scopes().getOrElse(current.scopes()),
                        changes.tokenLifetime().getOrElse(current.tokenLifetime()))
                        .flatMap(valid -> {
                            ResourceServer next = new ResourceServer(current.id(), current.identifier(), valid.name(),
                                    valid.scopes(), valid.tokenLifetime(),
                                    changes.allowOfflineAccess().getOrElse(current.allowOfflineAccess()),
                                    changes.signingAlgorithm().getOrElse(current.signingAlgorithm()), false);
                            if (!store.update(next)) {
                                return Either.left(new OperatorError.UnknownResourceServer());
                            }
                            recorded("mgmt.resource_server.updated", actor, next);
                            return Either.right(next);
                        })));
    }

    @Override
    public Either<OperatorError, String> delete(ClientId actor, String idOrIdentifier) {
        return unitOfWork.inTransaction(() -> registered(idOrIdentifier).flatMap(api -> {
            // Its grants go with it: an API registered again later under the same identifier starts with none.
            int grantsRemoved = grants.removeByAudience(api.identifier());
            if (!store.remove(api.id())) {
                return Either.left(new OperatorError.UnknownResourceServer());
            }
            recorded("mgmt.resource_server.deleted", actor, api, "client_grants_deleted", Integer.toString(grantsRemoved));
            return Either.right(api.id());
        }));
    }

    /** A registered (not built-in) API. */
    private Either<OperatorError, ResourceServer> registered(String idOrIdentifier) {
        return find(idOrIdentifier).flatMap(api -> api.system()
                ? Either.left(new OperatorError.SystemResourceServer())
                : Either.right(api));
    }

    private static Either<OperatorError, ResourceServer> checked(String name, List<ApiScope> scopes, Duration lifetime) {
        if (name.isBlank() || name.length() > 200) {
            return Either.left(new OperatorError.InvalidInput("name must be 1 to 200 characters"));
        }
        if (scopes.map(ApiScope::value).distinct().size() != scopes.size()) {
            return Either.left(new OperatorError.InvalidInput("scopes must not repeat a value"));
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            return Either.left(new OperatorError.InvalidInput(
                    "token_lifetime must be 1 to " + MAX_LIFETIME.toSeconds() + " seconds"));
        }
        // The id and identifier are placeholders here; callers build the real record from these checked values.
        return Either.right(new ResourceServer("-", "-", name, scopes, lifetime, false, SigningAlgorithm.RS256, false));
    }

    private void recorded(String type, ClientId actor, ResourceServer api, String... more) {
        String[] details = new String[more.length + 2];
        details[0] = "resource_server_id";
        details[1] = api.id();
        System.arraycopy(more, 0, details, 2, more.length);
        audit.record(type, Option.none(), Option.some(actor), details);
    }
}
