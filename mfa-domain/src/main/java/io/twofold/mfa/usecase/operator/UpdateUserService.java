package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.Password;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserProfile.Names;
import io.twofold.mfa.policy.PasswordPolicy;
import io.twofold.mfa.port.in.operator.UserChanges;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.RefreshTokenRevocation;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * Changes a user. Blocking them or setting a new password also removes their open MFA transactions and
 * out-of-band challenges and revokes their refresh tokens in the same unit of work, so an {@code mfa_token} or {@code oob_code} handed
 * out before dies with the change (a blocked user's next password login is refused by the login itself).
 */
record UpdateUserService(UserAccounts accounts, TransactionStore transactions, ChallengeStore challenges,
                         RefreshTokenRevocation refreshTokens, UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {

    Either<OperatorError, UserProfile> update(ClientId actor, UserId id, UserChanges changes) {
        Either<OperatorError, Option<Password>> password = changes.password().isEmpty() ? Either.right(Option.none())
                : PasswordPolicy.check(changes.password().get()).map(Option::some);
        return password.flatMap(newPassword -> unitOfWork.inTransaction(() -> accounts.find(id)
                .<Either<OperatorError, UserProfile>>map(current -> apply(current, changes, newPassword)
                        .flatMap(changed -> save(actor, current, changed, newPassword)))
                .getOrElse(() -> Either.left(new OperatorError.UnknownUser()))));
    }

    private Either<OperatorError, UserProfile> save(ClientId actor, UserProfile before, UserProfile after,
                                                    Option<Password> newPassword) {
        UserAccounts.Outcome outcome = accounts.update(after, newPassword);
        if (outcome == UserAccounts.Outcome.MISSING) {
            return Either.left(new OperatorError.UnknownUser());
        }
        if (outcome == UserAccounts.Outcome.DUPLICATE) {
            return Either.left(new OperatorError.UserAlreadyExists());
        }
        boolean blocking = after.blocked() && !before.blocked();
        if (blocking || newPassword.isDefined()) {
            int ended = transactions.removeByUser(after.id());
            int dropped = challenges.removeByUser(after.id());
            audit.record("mgmt.user.sessions_ended", after.id(), actor,
                    "transactions", String.valueOf(ended), "challenges", String.valueOf(dropped));
            // Their refresh tokens too: a stolen one must not outlive the block or the new password.
            refreshTokens.revokeUser(actor, after.id(), blocking ? "blocked" : "password_changed");
        }
        audit.record("mgmt.user.updated", after.id(), actor);
        if (after.blocked() != before.blocked()) {
            audit.record(after.blocked() ? "mgmt.user.blocked" : "mgmt.user.unblocked", after.id(), actor);
        }
        if (newPassword.isDefined()) {
            audit.record("mgmt.user.password_changed", after.id(), actor);
        }
        return Either.right(after);
    }

    private Either<OperatorError, UserProfile> apply(UserProfile u, UserChanges c, Option<Password> newPassword) {
        Either<OperatorError, Option<EmailAddress>> email = c.email().isEmpty() ? Either.right(u.email())
                : UserFields.email(c.email());
        Either<OperatorError, Option<String>> username = c.username().isEmpty() ? Either.right(u.username())
                : UserFields.username(c.username().get());
        Either<OperatorError, Option<String>> phone = c.phoneNumber().isEmpty() ? Either.right(u.phoneNumber())
                : UserFields.phone(c.phoneNumber().get());
        Either<OperatorError, Option<String>> picture = c.picture().isEmpty() ? Either.right(u.picture())
                : UserFields.picture(c.picture().get());
        Names names = new Names(c.givenName().getOrElse(u.names().givenName()),
                c.familyName().getOrElse(u.names().familyName()), c.name().getOrElse(u.names().name()),
                c.nickname().getOrElse(u.names().nickname()));
        Instant now = clock.instant();
        return email.flatMap(e -> username.flatMap(name -> {
            if (e.isEmpty() && name.isEmpty()) {
                return Either.left(UserFields.invalid("a user keeps a username or an email"));
            }
            return phone.flatMap(p -> picture.flatMap(pic -> UserNames.check(names).map(checked -> new UserProfile(
                    u.id(), u.connection(), name, e,
                    c.emailVerified().getOrElse(e.equals(u.email()) && u.emailVerified()),
                    p, c.phoneVerified().getOrElse(p.equals(u.phoneNumber()) && u.phoneVerified()), checked, pic,
                    merged(u.userMetadata(), c.userMetadata()), merged(u.appMetadata(), c.appMetadata()),
                    c.blocked().getOrElse(u.blocked()), u.createdAt(), now,
                    newPassword.isDefined() ? Option.some(now) : u.lastPasswordReset()))));
        }));
    }

    private static Metadata merged(Metadata current, Option<Option<Metadata>> change) {
        return change.map(patch -> patch.map(current::merge).getOrElse(Metadata.EMPTY)).getOrElse(current);
    }
}
