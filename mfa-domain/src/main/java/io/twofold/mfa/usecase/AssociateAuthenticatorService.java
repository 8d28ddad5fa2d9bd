package io.twofold.mfa.usecase;

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
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.model.User;
import io.twofold.mfa.otp.internal.Base32;
import io.twofold.mfa.otp.internal.OtpAuthUri;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.EnrollmentAdmission;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.OneTimePasswords;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.secret.internal.RecoveryCodes;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.Bearer;
import io.twofold.mfa.usecase.internal.BearerResolver;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.twofold.mfa.usecase.internal.EnrollmentRequest;
import io.twofold.mfa.usecase.internal.OobDispatcher;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * Enrolls a pending authenticator. An {@code mfa_token} may enroll only a user with no active
 * factor, and only that login may confirm what it began; otherwise an MFA API access token with
 * {@code enroll} is needed, which itself took a second factor to get. Out-of-band codes are sent
 * first and stored only once delivered.
 */
record AssociateAuthenticatorService(ClientGate clientGate, BearerResolver bearers, OobDispatcher dispatcher,
        UserDirectory users, AuthenticatorStore authenticators, TenantPolicyStore tenant, ChallengeStore challenges,
        OneTimePasswords otp,
        UnitOfWork unitOfWork, SecretGenerator secrets, AuditTrail audit, EnrollmentAdmission admission,
        MfaSettings settings, Clock clock) implements AssociateAuthenticator {
    static final String ENROLL_SCOPE = "enroll";

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
        Option<User> user = users.findById(bearer.user());
        if (user.isEmpty()) {
            return Either.left(new MfaError.InvalidToken("The user no longer exists."));
        }
        if (user.get().blocked()) {
            // An MFA API access token outlives a block; it may not add factors to a blocked account.
            return Either.left(new MfaError.UserBlocked());
        }
        TenantPolicy policy = tenant.current();
        return EnrollmentRequest.factor(command.choice(), user.get())
                .flatMap(oob -> enabled(policy, oob))
                .flatMap(oob -> admit(bearer, policy).map(needsRecovery -> Tuple.of(oob, needsRecovery)))
                .flatMap(t -> t._1.isEmpty()
                        ? Either.right(enrollOtp(user.get(), bearer, t._2))
                        : enrollOob(user.get(), bearer, t._1.get(), t._2, endUserIp));
    }

    /** Refuses a factor type the operator turned off (Auth0 suggests {@code unsupported_challenge_type}). */
    private static Either<MfaError, Option<Factor.Oob>> enabled(TenantPolicy policy, Option<Factor.Oob> oob) {
        AuthenticatorKind kind = oob.map(Factor::kind).getOrElse(AuthenticatorKind.TOTP);
        return policy.allows(kind)
                ? Either.right(oob)
                : Either.left(new MfaError.UnsupportedChallengeType("The factor " + kind.idPrefix() + " is not enabled."));
    }

    /**
     * The {@link EnrollmentAdmission} on the user's factors now, those of a disabled type left out (a
     * user whose only factor type was turned off enrolls another); right says whether a recovery code
     * is due, never while recovery codes are off.
     */
    private Either<MfaError, Boolean> admit(Bearer bearer, TenantPolicy policy) {
        return unitOfWork.inTransaction(() -> {
            UserFactors factors = new UserFactors(policy.usable(authenticators.findByUser(bearer.user())), clock.instant());
            // Expired pending authenticators are absent: clear them so they neither count nor linger.
            if (factors.expiredPending().nonEmpty()) {
                authenticators.remove(bearer.user(), factors.expiredPending().map(Authenticator::id));
            }
            return admission.admit(new EnrollmentAdmission.Facts(bearer instanceof Bearer.MfaToken,
                            factors.hasActiveReal(), factors.livePendingReal().size(),
                            factors.activeRecoveryCode().isDefined()))
                    .map(admitted -> admitted.withRecoveryCode() && policy.allows(AuthenticatorKind.RECOVERY_CODE));
        });
    }

    private Association enrollOtp(User user, Bearer bearer, boolean withRecovery) {
        OtpSeed seed = otp.newSeed();
        PendingAuthenticator pending = pending(user, new Factor.Totp(seed), enrollment(bearer));
        Option<Tuple2<PendingAuthenticator, String>> recovery = recoveryCode(pending, withRecovery);
        store(pending, recovery, Option.none());
        recordEnrollment(bearer, pending, recovery);
        String uri = OtpAuthUri.totp(settings.tenantName(), user.accountLabel(), seed, settings.otp());
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
        Instant now = clock.instant();
        return new PendingAuthenticator(new AuthenticatorId(factor.kind(), secrets.deviceId()), user.id(), factor, now,
                now.plus(settings.lifetimes().pendingAuthenticator()), enrollment);
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
        unitOfWork.inTransaction(() -> {
            authenticators.add(pending);
            recovery.forEach(r -> authenticators.add(r._1));
            sent.forEach(s -> challenges.add(s.challenge()));
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
