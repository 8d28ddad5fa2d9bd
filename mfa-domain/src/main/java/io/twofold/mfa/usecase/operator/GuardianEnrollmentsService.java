package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.FactorRef;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.operator.GuardianEnrollments;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * The legacy Guardian enrollments: every factor but the recovery code, named by its bare device
 * part. Auth0's {@code GET /users/{id}/enrollments} returns only the first confirmed enrollment;
 * this returns every confirmed one.
 */
record GuardianEnrollmentsService(UserDirectory users, AuthenticatorStore authenticators, FactorRemoval removal,
        UnitOfWork unitOfWork, Clock clock) implements GuardianEnrollments {

    @Override
    public Either<OperatorError, List<ManagedFactor>> ofUser(UserId user) {
        if (users.findById(user).isEmpty()) {
            return Either.left(new OperatorError.UnknownUser());
        }
        return Either.right(enrollments(authenticators.findByUser(user), user, false));
    }

    @Override
    public Either<OperatorError, ManagedFactor> find(String enrollmentId) {
        return FactorRef.parse(enrollmentId).flatMap(ref -> {
            List<Authenticator> found = authenticators.findByDevice(ref.device());
            // Device parts are random, so one belongs to one user; the head says whose.
            return found.headOption().flatMap(first -> FactorViews.find(
                    enrollments(found.filter(a -> a.userId().equals(first.userId())), first.userId(), true), ref));
        }).toEither(OperatorError.UnknownEnrollment::new);
    }

    @Override
    public Either<OperatorError, Integer> remove(ClientId actor, String enrollmentId) {
        return find(enrollmentId).map(enrollment -> unitOfWork.inTransaction(() -> removal.remove(actor,
                enrollment.user(), authenticators.findByUser(enrollment.user()),
                enrollment.authenticators()::contains).size()));
    }

    private List<ManagedFactor> enrollments(List<Authenticator> all, UserId user, boolean includePending) {
        return FactorViews.of(all, authenticators.notesByUser(user), clock.instant(), includePending)
                .filter(f -> f.type() != FactorType.RECOVERY_CODE);
    }
}
