package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.twofold.mfa.port.out.UserAccounts;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Finds users by id, by email and by search; the store does the filtering and counting. */
record FindUsersService(UserAccounts accounts) {
    /** Users-by-email answers at most this many (one per connection in practice). */
    static final int MAX_BY_EMAIL = 100;

    Either<OperatorError, UserProfile> find(UserId id) {
        return accounts.find(id).toEither(OperatorError.UnknownUser::new);
    }

    Either<OperatorError, UserPage> search(UserQuery query, UserSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            return Either.left(new OperatorError.InvalidInput("Query validation error: page and per_page must not be negative."));
        }
        return Either.right(accounts.search(query, sort, offset, limit));
    }

    Either<OperatorError, List<UserProfile>> findByEmail(String email) {
        return EmailAddress.parse(email)
                .<OperatorError>mapLeft(reason -> new OperatorError.InvalidInput("Query validation error: " + reason + "."))
                .map(address -> accounts.search(UserQuery.is(UserQuery.Attribute.EMAIL, address.value()),
                        UserSort.DEFAULT, 0, MAX_BY_EMAIL).users());
    }
}
