package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientProfile;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.in.operator.ClientKeyAdministration;
import io.twofold.mfa.port.out.ClientKeyStore;
import io.twofold.mfa.port.out.ClientStore;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.util.HexFormat;

/** Client public keys as operators manage them; each write and its audit event commit together. */
public final class ClientKeyAdministrationService implements ClientKeyAdministration {
    /** Auth0 allows two credentials per client; a few more leave room for a rotation. */
    static final int MAX_KEYS = 5;

    private final ClientStore clients;
    private final ClientKeyStore keys;
    private final UnitOfWork unitOfWork;
    private final RandomSource random;
    private final AuditTrail audit;
    private final Clock clock;

    public ClientKeyAdministrationService(ClientStore clients, ClientKeyStore keys, UnitOfWork unitOfWork,
                                          RandomSource random, io.twofold.mfa.port.out.AuditLog auditLog, Clock clock) {
        this.clients = clients;
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.random = random;
        this.audit = new AuditTrail(auditLog, clock);
        this.clock = clock;
    }

    @Override
    public Either<OperatorError, ClientPublicKey> add(ClientId actor, ClientId client, NewClientKey key) {
        return unitOfWork.inTransaction(() -> clients.find(client).<OperatorError>toEither(OperatorError.UnknownClient::new)
                .flatMap(found -> {
                    if (keys.keys(client).size() >= MAX_KEYS) {
                        return Either.left(new OperatorError.InvalidInput(
                                "A client has at most " + MAX_KEYS + " credentials: delete one first."));
                    }
                    ClientPublicKey stored = new ClientPublicKey(credentialId(), client, key.name(), key.kid(),
                            key.algorithm(), key.pem(), clock.instant(), key.expiresAt());
                    if (!keys.add(stored)) {
                        return Either.left(new OperatorError.InvalidInput("The client has this key already."));
                    }
                    recorded("mgmt.client.credential_added", actor, client, stored.id());
                    return Either.right(stored);
                }));
    }

    @Override
    public Either<OperatorError, List<ClientPublicKey>> list(ClientId client) {
        return clients.find(client).<OperatorError>toEither(OperatorError.UnknownClient::new)
                .map(found -> keys.keys(client));
    }

    @Override
    public Either<OperatorError, ClientPublicKey> find(ClientId client, String id) {
        return list(client).flatMap(found -> keys.find(client, id)
                .toEither(OperatorError.UnknownClientCredential::new));
    }

    @Override
    public Either<OperatorError, String> remove(ClientId actor, ClientId client, String id) {
        return unitOfWork.inTransaction(() -> list(client).flatMap(found -> {
            if (!keys.remove(client, id)) {
                return Either.left(new OperatorError.UnknownClientCredential());
            }
            recorded("mgmt.client.credential_deleted", actor, client, id);
            return Either.right(id);
        }));
    }

    @Override
    public Either<OperatorError, ClientId> usePrivateKeyJwt(ClientId actor, ClientId client, List<String> credentialIds) {
        if (credentialIds.isEmpty()) {
            return Either.left(new OperatorError.InvalidInput(
                    "client_authentication_methods.private_key_jwt.credentials must name at least one credential."));
        }
        return unitOfWork.inTransaction(() -> clients.find(client).<OperatorError>toEither(OperatorError.UnknownClient::new)
                .flatMap(found -> {
                    List<String> registered = keys.keys(client).map(ClientPublicKey::id);
                    Option<String> unknown = credentialIds.find(id -> !registered.contains(id));
                    if (unknown.isDefined()) {
                        return Either.left(new OperatorError.InvalidInput(
                                "The client has no credential " + unknown.get() + "."));
                    }
                    Client current = found.client();
                    ClientProfile profile = found.profile();
                    clients.update(new ManagedClient(new Client(current.id(), current.name(), true, current.grantTypes(),
                            current.mfaPolicy(), current.refreshTokens()), new ClientProfile(profile.description(),
                            profile.appType(), TokenEndpointAuth.PRIVATE_KEY_JWT, profile.metadataJson(),
                            profile.extraJson())));
                    recorded("mgmt.client.private_key_jwt", actor, client, credentialIds.mkString(" "));
                    return Either.right(client);
                }));
    }

    /** {@code cred_} and 22 random alphanumerics-like hex digits, as Auth0 shapes credential ids. */
    private String credentialId() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return "cred_" + HexFormat.of().formatHex(bytes);
    }

    private void recorded(String type, ClientId actor, ClientId client, String credentials) {
        audit.record(type, Option.none(), Option.some(actor), "client_id", client.value(), "credentials", credentials);
    }
}
