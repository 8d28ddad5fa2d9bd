package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ManagedClient;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Registering, changing and removing client applications, and rotating their secrets. */
public interface ClientAdministration {

    /** Registers a client with a generated id and, if confidential, a generated secret. */
    Either<OperatorError, ClientWithSecret> create(ClientId actor, ClientDraft draft);

    /** One page of the clients (of an app type, if given), in id order. */
    Listing<ManagedClient> list(Option<String> appType, int offset, int limit);

    /** The client with this id. */
    Either<OperatorError, ManagedClient> find(ClientId id);

    /** Changes the client; the secret in the result is the one just set or generated, if any. */
    Either<OperatorError, ClientWithSecret> update(ClientId actor, ClientId id, ClientChanges changes);

    /** Removes the client and its client grants. */
    Either<OperatorError, ClientId> delete(ClientId actor, ClientId id);

    /** Gives a confidential client a new generated secret; the old one stops working at once. */
    Either<OperatorError, ClientWithSecret> rotateSecret(ClientId actor, ClientId id);
}
