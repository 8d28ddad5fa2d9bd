package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.Enrollment;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.User;
import io.twofold.mfa.otp.Base32;
import io.twofold.mfa.otp.OtpAuthUri;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.secret.RecoveryCodes;
import io.twofold.mfa.secret.SecretGenerator;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Enrolls a pending authenticator. An {@code mfa_token} may enroll only a user with no active
 * factor, and only that login may confirm what it began; otherwise an MFA API access token with
 * {@code enroll} is needed, which itself took a second factor to get. Out-of-band codes are sent
 * first and stored only once delivered.
 */
public final class AssociateAuthenticatorService implements AssociateAuthenticator {
    static final String ENROLL_SCOPE = "enroll";

    private final MfaDependencies deps;
    private final ClientGate clientGate;
    private final BearerResolver bearers;
    private final OobDispatcher dispatcher;
    private final SecretGenerator secrets;
    private final AuditTrail audit;

    AssociateAuthenticatorService(MfaDependencies deps, ClientGate clientGate, BearerResolver bearers,
                                  OobDispatcher dispatcher, SecretGenerator secrets, AuditTrail audit) {
        this.deps = deps;
        this.clientGate = clientGate;
        this.bearers = bearers;
        this.dispatcher = dispatcher;
        this.secrets = secrets;
        this.audit = audit;
    }

    @Override
    public Either<MfaError, Association> associate(AssociateCommand command) {
        // Client credentials are optional here, but when present they must authenticate.
        Either<MfaError, Option<Client>> client = command.client().isEmpty()
                ? Either.right(Option.none())
                : clientGate.authenticate(command.client().get()).map(Option::some);
        return client.flatMap(c -> bearers.resolve(command.bearer(), c.map(Client::id))
                .flatMap(b -> b.requireScopeIfAccessToken(ENROLL_SCOPE))
                .flatMap(bearer -> enroll(command, bearer, command.origin().endUserIp(c.exists(Client::confidential)))));
    }

    private Either<MfaError, Association> enroll(AssociateCommand command, Bearer bearer, Option<String> endUserIp) {
        Option<User> user = deps.users().findById(bearer.user());
        if (user.isEmpty()) {
            return Either.left(new MfaError.InvalidToken("The user no longer exists."));
        }
        return EnrollmentRequest.parse(command, user.get())
                .flatMap(oob -> admit(bearer).map(needsRecovery -> Tuple.of(oob, needsRecovery)))
                .flatMap(t -> t._1.isEmpty()
                        ? Either.right(enrollOtp(user.get(), bearer, t._2))
                        : enrollOob(user.get(), bearer, t._1.get(), t._2, endUserIp));
    }

    /** The enrollment checks; right says whether this is the first enrollment (a recovery code is due). */
    private Either<MfaError, Boolean> admit(Bearer bearer) {
        return deps.unitOfWork().inTransaction(() -> {
            UserFactors factors = new UserFactors(deps.authenticators().findByUser(bearer.user()), deps.clock().instant());
            // Expired pending authenticators are absent: clear them so they neither count nor linger.
            if (factors.expiredPending().nonEmpty()) {
                deps.authenticators().remove(bearer.user(), factors.expiredPending().map(Authenticator::id));
            }
            if (bearer instanceof Bearer.MfaToken && factors.active().nonEmpty()) {
                return Either.left(new MfaError.AlreadyEnrolled());
            }
            if (factors.livePendingReal().size() >= deps.settings().attempts().maxPendingEnrollments()) {
                return Either.left(new MfaError.TooManyEnrollments());
            }
            // Each enrollment brings its own recovery code, active only with its factor: a pending one
            // from another enrollment (perhaps not the user's) must not stand in for it.
            return Either.right(deps.settings().recoveryCodesEnabled() && factors.activeRecoveryCode().isEmpty());
        });
    }

    private Association enrollOtp(User user, Bearer bearer, boolean withRecovery) {
        OtpSeed seed = deps.otp().newSeed();
        PendingAuthenticator pending = pending(user, new Factor.Totp(seed), enrollment(bearer));
        Option<Tuple2<PendingAuthenticator, String>> recovery = recoveryCode(pending, withRecovery);
        store(pending, recovery, Option.none());
        recordEnrollment(bearer, pending, recovery);
        String uri = OtpAuthUri.totp(deps.settings().tenantName(), user.accountLabel(), seed, deps.settings().otp());
        return new Association.Otp(pending.id(), Base32.encode(seed.bytes()), uri, recovery.map(Tuple2::_2));
    }

    private Either<MfaError, Association> enrollOob(User user, Bearer bearer, Factor.Oob factor, boolean withRecovery,
                                                    Option<String> endUserIp) {
        PendingAuthenticator pending = pending(user, factor, enrollment(bearer));
        return dispatcher.sendForEnrollment(user.id(), pending.id(), factor, endUserIp)
                .peekLeft(error -> audit.record("enrollment.delivery_failed", Option.of(user.id()), Option.of(bearer.client()),
                        "authenticator", pending.id().value(), "error", error.getClass().getSimpleName()))
                .map(sent -> {
                    Option<Tuple2<PendingAuthenticator, String>> recovery = recoveryCode(pending, withRecovery);
                    store(pending, recovery, Option.some(sent));
                    recordEnrollment(bearer, pending, recovery);
                    return new Association.Oob(pending.id(), factor.channel(), sent.oobCode(), recovery.map(Tuple2::_2));
                });
    }

    /** What may confirm the enrollment: the login whose {@code mfa_token} began it, or any login for an access token's. */
    private static Enrollment enrollment(Bearer bearer) {
        return bearer instanceof Bearer.MfaToken login
                ? Enrollment.throughLogin(login.transaction().id())
                : Enrollment.throughAccessToken();
    }

    private PendingAuthenticator pending(User user, Factor factor, Enrollment enrollment) {
        Instant now = deps.clock().instant();
        return new PendingAuthenticator(new AuthenticatorId(factor.kind(), secrets.deviceId()), user.id(), factor, now,
                now.plus(deps.settings().lifetimes().pendingAuthenticator()), enrollment);
    }

    /** The recovery code that comes with {@code factor}, shown once; only the hash of its canonical form is kept. */
    private Option<Tuple2<PendingAuthenticator, String>> recoveryCode(PendingAuthenticator factor, boolean due) {
        if (!due) {
            return Option.none();
        }
        String code = secrets.recoveryCode();
        SecretHash hash = SecretHash.of(RecoveryCodes.normalize(code).get());
        PendingAuthenticator recovery = new PendingAuthenticator(new AuthenticatorId(AuthenticatorKind.RECOVERY_CODE,
                secrets.deviceId()), factor.userId(), new Factor.RecoveryCode(hash), factor.createdAt(), factor.expiresAt(),
                factor.enrollment().companionOf(factor.id()));
        return Option.some(Tuple.of(recovery, code));
    }

    private void store(PendingAuthenticator pending, Option<Tuple2<PendingAuthenticator, String>> recovery,
                       Option<OobDispatcher.Sent> sent) {
        deps.unitOfWork().inTransaction(() -> {
            deps.authenticators().add(pending);
            recovery.forEach(r -> deps.authenticators().add(r._1));
            sent.forEach(s -> deps.challenges().add(s.challenge()));
            return pending.id();
        });
    }

    private void recordEnrollment(Bearer bearer, PendingAuthenticator pending,
                                  Option<Tuple2<PendingAuthenticator, String>> recovery) {
        audit.record("enrollment.started", Option.of(pending.userId()), Option.of(bearer.client()),
                "authenticator", pending.id().value(),
                "recovery_code", recovery.map(r -> r._1.id().value()).getOrElse("none"));
    }
}
