package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientProfile;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.policy.ClientRules;
import io.twofold.mfa.port.in.operator.ClientAdministration;
import io.twofold.mfa.port.in.operator.ClientChanges;
import io.twofold.mfa.port.in.operator.ClientDraft;
import io.twofold.mfa.port.in.operator.ClientWithSecret;
import io.twofold.mfa.port.in.operator.Listing;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.port.out.ClientStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Clients as operators manage them. Only a secret's hash is stored, so a secret is shown once: in
 * the answer that generated or set it. Each write and its audit event commit together.
 */
final class ClientAdministrationService implements ClientAdministration {
    private final ClientStore clients;
    private final ClientGrantStore grants;
    private final UnitOfWork unitOfWork;
    private final ClientKeys keys;
    private final AuditTrail audit;

    ClientAdministrationService(ClientStore clients, ClientGrantStore grants, UnitOfWork unitOfWork, ClientKeys keys,
                                AuditTrail audit) {
        this.clients = clients;
        this.grants = grants;
        this.unitOfWork = unitOfWork;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public Either<OperatorError, ClientWithSecret> create(ClientId actor, ClientDraft draft) {
        TokenEndpointAuth auth = draft.authMethod().getOrElse(() -> ClientRules.defaultAuthMethod(draft.appType()));
        return invalid(ClientRules.name(draft.name()))
                .flatMap(name -> invalid(ClientRules.grantTypes(auth,
                        draft.grantTypes().getOrElse(() -> ClientRules.defaultGrantTypes(draft.appType())))))
                .map(grantTypes -> {
                    Option<String> secret = auth.confidential() ? Option.some(keys.secret()) : Option.none();
                    ManagedClient client = new ManagedClient(
                            new Client(keys.clientId(), draft.name(), auth.confidential(), grantTypes,
                                    draft.mfaPolicy().getOrElse(MfaPolicy.ALWAYS),
                                    draft.refreshTokens().getOrElse(RefreshTokenPolicy.DEFAULT)),
                            new ClientProfile(draft.description(), draft.appType(), auth, draft.metadataJson(),
                                    draft.extraJson()));
                    return unitOfWork.inTransaction(() -> {
                        // 62^32 ids do not collide; if one ever did, the store refuses it rather than replace a client.
                        if (!clients.add(client, secret.map(SecretHash::of))) {
                            throw new IllegalStateException("a generated client id exists already");
                        }
                        recorded("mgmt.client.created", actor, client.id());
                        return new ClientWithSecret(client, secret);
                    });
                });
    }

    @Override
    public Listing<ManagedClient> list(Option<String> appType, int offset, int limit) {
        return new Listing<>(clients.page(appType, offset, limit), clients.count(appType));
    }

    @Override
    public Either<OperatorError, ManagedClient> find(ClientId id) {
        return clients.find(id).toEither(OperatorError.UnknownClient::new);
    }

    @Override
    public Either<OperatorError, ClientWithSecret> update(ClientId actor, ClientId id, ClientChanges changes) {
        return unitOfWork.inTransaction(() -> find(id).flatMap(current -> changed(current, changes)
                .flatMap(next -> secretAfter(current, next, changes).map(secret -> {
                    clients.update(next);
                    if (secret.isDefined() || !next.client().confidential()) {
                        clients.replaceSecret(id, secret.map(SecretHash::of));
                    }
                    recorded("mgmt.client.updated", actor, id);
                    if (secret.isDefined()) {
                        recorded("mgmt.client.secret_rotated", actor, id);
                    }
                    return new ClientWithSecret(next, secret);
                }))));
    }

    @Override
    public Either<OperatorError, ClientId> delete(ClientId actor, ClientId id) {
        return unitOfWork.inTransaction(() -> {
            // Its grants go first and with it: a new client can never inherit them.
            int grantsRemoved = grants.removeByClient(id);
            if (!clients.remove(id)) {
                return Either.left(new OperatorError.UnknownClient());
            }
            recorded("mgmt.client.deleted", actor, id, "client_grants_deleted", Integer.toString(grantsRemoved));
            return Either.right(id);
        });
    }

    @Override
    public Either<OperatorError, ClientWithSecret> rotateSecret(ClientId actor, ClientId id) {
        return unitOfWork.inTransaction(() -> find(id).flatMap(current -> {
            if (!current.client().confidential()) {
                return Either.left(new OperatorError.InvalidInput(
                        "The client is public (token_endpoint_auth_method none) and has no secret to rotate."));
            }
            String secret = keys.secret();
            clients.replaceSecret(id, Option.some(SecretHash.of(secret)));
            recorded("mgmt.client.secret_rotated", actor, id);
            return Either.right(new ClientWithSecret(current, Option.some(secret)));
        }));
    }

    private static Either<OperatorError, ManagedClient> changed(ManagedClient current, ClientChanges changes) {
        Client client = current.client();
        ClientProfile profile = current.profile();
        TokenEndpointAuth auth = changes.authMethod().getOrElse(profile.authMethod());
        String name = changes.name().getOrElse(client.name());
        Set<GrantType> requested = changes.grantTypes().getOrElse(client.grantTypes());
        return invalid(ClientRules.name(name))
                .flatMap(valid -> invalid(ClientRules.grantTypes(auth, requested)))
                .map(grantTypes -> new ManagedClient(
                        new Client(client.id(), name, auth.confidential(), grantTypes,
                                changes.mfaPolicy().getOrElse(client.mfaPolicy()),
                                changes.refreshTokens().getOrElse(client.refreshTokens())),
                        new ClientProfile(changes.description().orElse(profile.description()),
                                changes.appType().orElse(profile.appType()), auth,
                                changes.metadataJson().orElse(profile.metadataJson()),
                                changes.extraJson().orElse(profile.extraJson()))));
    }

    /**
     * The secret to store after the change: the one set, a generated one for a client that turns
     * confidential without one, none for a public client (which keeps no secret); else unchanged (none).
     */
    private Either<OperatorError, Option<String>> secretAfter(ManagedClient current, ManagedClient next,
                                                             ClientChanges changes) {
        if (changes.secret().isDefined()) {
            if (!next.client().confidential()) {
                return Either.left(new OperatorError.InvalidInput(
                        "A public client (token_endpoint_auth_method none) takes no client_secret."));
            }
            return invalid(ClientRules.secret(changes.secret().get())).map(Option::some);
        }
        // A client leaving Private Key JWT for a secret method may never have had a secret: it gets one.
        boolean leavesKeys = current.profile().authMethod() == TokenEndpointAuth.PRIVATE_KEY_JWT
                && next.profile().authMethod() != TokenEndpointAuth.PRIVATE_KEY_JWT;
        boolean turnsConfidential = next.client().confidential() && (!current.client().confidential() || leavesKeys);
        return Either.right(turnsConfidential ? Option.some(keys.secret()) : Option.none());
    }

    private void recorded(String type, ClientId actor, ClientId client, String... more) {
        String[] details = new String[more.length + 2];
        details[0] = "client_id";
        details[1] = client.value();
        System.arraycopy(more, 0, details, 2, more.length);
        audit.record(type, Option.none(), Option.some(actor), details);
    }

    private static <T> Either<OperatorError, T> invalid(Either<String, T> checked) {
        return checked.mapLeft(OperatorError.InvalidInput::new);
    }
}
