package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ResourceServer;
import io.vavr.control.Either;

/** Registering the APIs that tokens may be issued for; the built-in ones are listed but cannot change. */
public interface ResourceServerAdministration {

    /** Registers an API under a generated id. */
    Either<OperatorError, ResourceServer> create(ClientId actor, ResourceServerDraft draft);

    /** One page of the APIs, the built-in ones first. */
    Listing<ResourceServer> list(int offset, int limit);

    /** The API with this id or identifier. */
    Either<OperatorError, ResourceServer> find(String idOrIdentifier);

    /** Changes a registered API. */
    Either<OperatorError, ResourceServer> update(ClientId actor, String idOrIdentifier, ResourceServerChanges changes);

    /** Removes a registered API and every client grant for it. */
    Either<OperatorError, String> delete(ClientId actor, String idOrIdentifier);
}
