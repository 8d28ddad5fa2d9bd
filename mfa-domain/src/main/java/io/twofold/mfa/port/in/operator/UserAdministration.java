package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The operator's users: create, find, search, change, block and delete them. Writes name the acting client for the audit log. */
public interface UserAdministration {

    /** Creates a user in a known connection, with a password that passes the password policy. */
    Either<OperatorError, UserProfile> create(ClientId actor, NewUser user);

    /** The user with this id. */
    Either<OperatorError, UserProfile> find(UserId id);

    /** The users that match, {@code limit} of them from {@code offset} in this order, with the total. */
    Either<OperatorError, UserPage> search(UserQuery query, UserSort sort, int offset, int limit);

    /** Every user with this email, in any connection, letter case aside. */
    Either<OperatorError, List<UserProfile>> findByEmail(String email);

    /** Changes a user; blocking or a new password also ends their open MFA transactions and challenges. */
    Either<OperatorError, UserProfile> update(ClientId actor, UserId id, UserChanges changes);

    /** Deletes a user with their factors, transactions and challenges; true when there was one to delete. */
    Either<OperatorError, Boolean> delete(ClientId actor, UserId id);
}
