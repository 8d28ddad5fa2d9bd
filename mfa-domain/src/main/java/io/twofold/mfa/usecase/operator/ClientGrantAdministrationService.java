package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientGrantFilter;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.port.in.operator.ClientGrantAdministration;
import io.twofold.mfa.port.in.operator.Listing;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.port.out.ClientStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.RegisteredApis;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Client grants. A grant names an existing client and a registered API, and only scopes that API
 * defines; the store keeps one grant per client and audience, so of two racing creations one wins.
 */
final class ClientGrantAdministrationService implements ClientGrantAdministration {
    private final ClientGrantStore grants;
    private final ClientStore clients;
    private final RegisteredApis apis;
    private final UnitOfWork unitOfWork;
    private final ClientKeys keys;
    private final AuditTrail audit;

    ClientGrantAdministrationService(ClientGrantStore grants, ClientStore clients, RegisteredApis apis,
                                     UnitOfWork unitOfWork, ClientKeys keys, AuditTrail audit) {
        this.grants = grants;
        this.clients = clients;
        this.apis = apis;
        this.unitOfWork = unitOfWork;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public Either<OperatorError, ClientGrant> create(ClientId actor, ClientId client, String audience,
                                                     List<String> scope) {
        return unitOfWork.inTransaction(() -> clients.find(client)
                .<Either<OperatorError, ClientId>>map(found -> Either.right(found.id()))
                .getOrElse(() -> Either.left(new OperatorError.UnknownClient()))
                .flatMap(id -> api(audience))
                .flatMap(api -> definedBy(api, scope))
                .flatMap(valid -> {
                    ClientGrant grant = new ClientGrant(keys.grantId(), client, audience, valid);
                    if (!grants.add(grant)) {
                        return Either.left(new OperatorError.ClientGrantExists());
                    }
                    recorded("mgmt.client_grant.created", actor, grant);
                    return Either.right(grant);
                }));
    }

    @Override
    public Listing<ClientGrant> list(ClientGrantFilter filter, int offset, int limit) {
        return new Listing<>(grants.page(filter, offset, limit), grants.count(filter));
    }

    @Override
    public List<ClientGrant> listFrom(ClientGrantFilter filter, Option<String> from, int take) {
        return grants.after(filter, from, take);
    }

    @Override
    public Either<OperatorError, ClientGrant> find(String id) {
        return grants.find(id).toEither(OperatorError.UnknownClientGrant::new);
    }

    @Override
    public Either<OperatorError, ClientGrant> updateScope(ClientId actor, String id, List<String> scope) {
        return unitOfWork.inTransaction(() -> find(id).flatMap(grant -> api(grant.audience())
                .flatMap(api -> definedBy(api, scope))
                .flatMap(valid -> {
                    if (!grants.updateScope(id, valid)) {
                        return Either.left(new OperatorError.UnknownClientGrant());
                    }
                    ClientGrant updated = grant.withScope(valid);
                    recorded("mgmt.client_grant.updated", actor, updated);
                    return Either.right(updated);
                })));
    }

    @Override
    public Either<OperatorError, String> delete(ClientId actor, String id) {
        return unitOfWork.inTransaction(() -> find(id).flatMap(grant -> {
            if (!grants.remove(id)) {
                return Either.left(new OperatorError.UnknownClientGrant());
            }
            recorded("mgmt.client_grant.deleted", actor, grant);
            return Either.right(id);
        }));
    }

    /** A registered API that machine tokens may reach: not the MFA API, whose tokens always belong to a user. */
    private Either<OperatorError, ResourceServer> api(String audience) {
        return apis.find(audience)
                .<Either<OperatorError, ResourceServer>>map(Either::right)
                .getOrElse(() -> Either.left(new OperatorError.UnknownResourceServer()))
                .flatMap(api -> apis.mfaApi().exists(mfa -> mfa.identifier().equals(api.identifier()))
                        ? Either.left(new OperatorError.InvalidInput(
                                "The MFA API issues tokens to users only; it takes no client grants."))
                        : Either.right(api));
    }

    private static Either<OperatorError, List<String>> definedBy(ResourceServer api, List<String> scope) {
        List<String> undefined = scope.filter(value -> !api.defines(value));
        return undefined.isEmpty()
                ? Either.right(scope.distinct())
                : Either.left(new OperatorError.InvalidInput("The API " + api.identifier()
                        + " does not define these scopes: " + undefined.mkString(", ")));
    }

    private void recorded(String type, ClientId actor, ClientGrant grant) {
        audit.record(type, Option.none(), Option.some(actor), "client_grant_id", grant.id(),
                "client_id", grant.clientId().value(), "audience", grant.audience());
    }
}
