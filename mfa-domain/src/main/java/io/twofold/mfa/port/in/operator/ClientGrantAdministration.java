package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientGrantFilter;
import io.twofold.mfa.model.ClientId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Granting clients machine access to APIs, with scopes. */
public interface ClientGrantAdministration {

    /** Grants the client the scopes (all defined by the API) for the audience; one grant per client and audience. */
    Either<OperatorError, ClientGrant> create(ClientId actor, ClientId client, String audience, List<String> scope);

    /** One page of the grants matching the filter, in id order. */
    Listing<ClientGrant> list(ClientGrantFilter filter, int offset, int limit);

    /** Up to {@code take} grants matching the filter after the one with id {@code from} (checkpoint paging). */
    List<ClientGrant> listFrom(ClientGrantFilter filter, Option<String> from, int take);

    /** The grant with this id. */
    Either<OperatorError, ClientGrant> find(String id);

    /** Replaces the grant's scopes. */
    Either<OperatorError, ClientGrant> updateScope(ClientId actor, String id, List<String> scope);

    /** Removes the grant; machine tokens already issued live until they expire. */
    Either<OperatorError, String> delete(ClientId actor, String id);
}
