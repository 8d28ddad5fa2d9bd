package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.twofold.mfa.port.in.operator.NewUser;
import io.twofold.mfa.port.in.operator.UserAdministration;
import io.twofold.mfa.port.in.operator.UserChanges;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The users' inbound port, each call handed to the service that does it. */
record UserAdministrationService(CreateUserService creation, FindUsersService reads, UpdateUserService updates,
                                 DeleteUserService deletion) implements UserAdministration {

    @Override
    public Either<OperatorError, UserProfile> create(ClientId actor, NewUser user) {
        return creation.create(actor, user);
    }

    @Override
    public Either<OperatorError, UserProfile> find(UserId id) {
        return reads.find(id);
    }

    @Override
    public Either<OperatorError, UserPage> search(UserQuery query, UserSort sort, int offset, int limit) {
        return reads.search(query, sort, offset, limit);
    }

    @Override
    public Either<OperatorError, List<UserProfile>> findByEmail(String email) {
        return reads.findByEmail(email);
    }

    @Override
    public Either<OperatorError, UserProfile> update(ClientId actor, UserId id, UserChanges changes) {
        return updates.update(actor, id, changes);
    }

    @Override
    public Either<OperatorError, Boolean> delete(ClientId actor, UserId id) {
        return deletion.delete(actor, id);
    }
}
