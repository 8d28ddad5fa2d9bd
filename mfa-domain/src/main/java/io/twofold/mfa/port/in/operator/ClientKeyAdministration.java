package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.AssertionAlgorithm;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.vavr.control.Either;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * A client's public keys for Private Key JWT (Auth0's {@code /api/v2/clients/{id}/credentials}), and
 * whether the client authenticates with them or with its secret.
 */
public interface ClientKeyAdministration {

    /** A key to register, already read and checked at the edge: SubjectPublicKeyInfo PEM and its thumbprint. */
    record NewClientKey(String name, String pem, String kid, AssertionAlgorithm algorithm, Option<Instant> expiresAt) {
    }

    /** Registers the key with a generated id; refused if the client has this key already. */
    Either<OperatorError, ClientPublicKey> add(ClientId actor, ClientId client, NewClientKey key);

    /** The client's keys, oldest first. */
    Either<OperatorError, List<ClientPublicKey>> list(ClientId client);

    Either<OperatorError, ClientPublicKey> find(ClientId client, String id);

    /** Removes the key; it stops verifying at once, on every node. */
    Either<OperatorError, String> remove(ClientId actor, ClientId client, String id);

    /**
     * Makes the client authenticate with Private Key JWT (by its keys, never its secret) when
     * {@code credentialIds} is not empty: every id must be one of its keys. Empty puts it back on its secret.
     */
    Either<OperatorError, ClientId> usePrivateKeyJwt(ClientId actor, ClientId client, List<String> credentialIds);
}
