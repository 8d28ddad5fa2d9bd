package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.UserProfile.Names;
import io.vavr.control.Either;

/** Checks the four name fields of a profile. */
final class UserNames {
    private UserNames() {
    }

    static Either<OperatorError, Names> check(Names names) {
        return UserFields.text("given_name", names.givenName())
                .flatMap(given -> UserFields.text("family_name", names.familyName())
                .flatMap(family -> UserFields.text("name", names.name())
                .flatMap(name -> UserFields.text("nickname", names.nickname())
                .map(nickname -> new Names(given, family, name, nickname)))));
    }
}
