package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The legacy Guardian view of factors: enrollments named by their bare {@code dev_} id, without the user. */
public interface GuardianEnrollments {

    /** The user's confirmed enrollments (every factor but the recovery code), oldest first. */
    Either<OperatorError, List<ManagedFactor>> ofUser(UserId user);

    /** The enrollment with this id, whoever's it is, pending or confirmed. */
    Either<OperatorError, ManagedFactor> find(String enrollmentId);

    /** Removes the enrollment, as removing that factor of its user would; returns how many authenticators went. */
    Either<OperatorError, Integer> remove(ClientId actor, String enrollmentId);
}
