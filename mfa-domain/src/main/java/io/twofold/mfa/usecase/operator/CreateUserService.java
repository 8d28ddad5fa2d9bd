package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Password;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.policy.PasswordPolicy;
import io.twofold.mfa.port.in.operator.NewUser;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/** Creates a user: checks every field and the password policy, then adds the user and audits it in one unit of work. */
record CreateUserService(UserAccounts accounts, UnitOfWork unitOfWork, AuditTrail audit, RandomSource random, Clock clock) {

    Either<OperatorError, UserProfile> create(ClientId actor, NewUser user) {
        if (user.connection() == null || user.connection().isBlank()) {
            return Either.left(UserFields.invalid("Missing required property: connection"));
        }
        return profile(user).flatMap(profile -> PasswordPolicy.check(user.password().getOrNull())
                .flatMap(password -> save(actor, profile, password)));
    }

    private Either<OperatorError, UserProfile> profile(NewUser user) {
        Either<OperatorError, Option<EmailAddress>> email = UserFields.email(user.email());
        if (email.isLeft()) {
            return Either.left(email.getLeft());
        }
        if (email.get().isEmpty() && user.username().isEmpty()) {
            return Either.left(UserFields.invalid("Missing required property: email"));
        }
        Either<OperatorError, UserId> id = user.userId().isEmpty() ? Either.right(newId())
                : UserFields.idTail(user.userId().get()).map(tail -> new UserId("auth0|" + tail));
        Instant now = clock.instant();
        return id.flatMap(userId -> UserFields.username(user.username())
                .flatMap(username -> UserFields.phone(user.phoneNumber())
                .flatMap(phone -> UserNames.check(user.names())
                .flatMap(names -> UserFields.picture(user.picture())
                .map(picture -> withDefaultNames(new UserProfile(userId, user.connection(), username, email.get(),
                        user.emailVerified(), phone, user.phoneVerified(), names, picture, user.userMetadata(),
                        user.appMetadata(), user.blocked(), now, now, Option.none())))))));
    }

    private Either<OperatorError, UserProfile> save(ClientId actor, UserProfile profile, Password password) {
        return unitOfWork.inTransaction(() -> {
            if (!accounts.knowsConnection(profile.connection())) {
                return Either.left(new OperatorError.UnknownConnection());
            }
            if (accounts.add(profile, password) != UserAccounts.Outcome.SAVED) {
                return Either.left(new OperatorError.UserAlreadyExists());
            }
            audit.record("mgmt.user.created", profile.id(), actor, "connection", profile.connection(),
                    "blocked", String.valueOf(profile.blocked()));
            return Either.right(profile);
        });
    }

    /** Auth0 stores a {@code name} and {@code nickname} from the email when none is given; so do we, so they can be searched. */
    private static UserProfile withDefaultNames(UserProfile p) {
        UserProfile.Names names = new UserProfile.Names(p.names().givenName(), p.names().familyName(),
                Option.some(p.displayName()), Option.some(p.displayNickname()));
        return new UserProfile(p.id(), p.connection(), p.username(), p.email(), p.emailVerified(), p.phoneNumber(),
                p.phoneVerified(), names, p.picture(), p.userMetadata(), p.appMetadata(), p.blocked(), p.createdAt(),
                p.updatedAt(), p.lastPasswordReset());
    }

    /** Auth0's shape for a database user: {@code auth0|} and 24 hex digits (96 random bits). */
    private UserId newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return new UserId("auth0|" + HexFormat.of().formatHex(bytes));
    }
}
