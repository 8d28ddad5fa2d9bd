package io.twofold.mfa.app.metrics;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.MachineLogin;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.port.out.VoiceSender;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Wraps ports at wiring time so that what passes through them is counted; the domain knows nothing of
 * it. Inbound ports count grants and budget refusals by the {@code MfaError} they return; the audit log
 * counts second-factor verifications, lockouts and enrollments from the events the domain records
 * anyway (they name the authenticator, so the factor kind, SMS, voice or email included); the senders
 * time deliveries; the user directory times password checks. With metrics off ({@link #off()}),
 * every port is handed back as it came.
 */
public final class Instrumentation {
    private static final String AUTH0_GRANT_PREFIX = "http://auth0.com/oauth/grant-type/";

    private final Option<TwofoldMeters> meters;

    private Instrumentation(Option<TwofoldMeters> meters) {
        this.meters = meters;
    }

    static Instrumentation on(TwofoldMeters meters) {
        return new Instrumentation(Option.some(meters));
    }

    /** Hands every port back untouched. */
    public static Instrumentation off() {
        return new Instrumentation(Option.none());
    }

    public PasswordLogin passwordLogin(PasswordLogin port) {
        return meters.<PasswordLogin>map(m -> command -> counted(m, command.grantType(), port.login(command),
                outcome -> outcome instanceof LoginOutcome.Tokens ? "success" : "mfa_required")).getOrElse(port);
    }

    public VerifyOtp verifyOtp(VerifyOtp port) {
        return meters.<VerifyOtp>map(m -> command -> counted(m, GrantType.MFA_OTP, port.verify(command))).getOrElse(port);
    }

    public VerifyOob verifyOob(VerifyOob port) {
        return meters.<VerifyOob>map(m -> command -> counted(m, GrantType.MFA_OOB, port.verify(command))).getOrElse(port);
    }

    public VerifyRecoveryCode verifyRecoveryCode(VerifyRecoveryCode port) {
        return meters.<VerifyRecoveryCode>map(m -> command -> counted(m, GrantType.MFA_RECOVERY_CODE, port.verify(command)))
                .getOrElse(port);
    }

    public RenewTokens renewTokens(RenewTokens port) {
        return meters.<RenewTokens>map(m -> command -> counted(m, GrantType.REFRESH_TOKEN, port.renew(command))).getOrElse(port);
    }

    public MachineLogin machineLogin(MachineLogin port) {
        return meters.<MachineLogin>map(m -> command -> counted(m, GrantType.CLIENT_CREDENTIALS, port.login(command)))
                .getOrElse(port);
    }

    /** Enrollment and challenge: only their refusals (send limits) are counted here; the rest comes from the audit log. */
    public AssociateAuthenticator associate(AssociateAuthenticator port) {
        return meters.<AssociateAuthenticator>map(m -> command -> refusals(m, port.associate(command))).getOrElse(port);
    }

    public ChallengeAuthenticator challenge(ChallengeAuthenticator port) {
        return meters.<ChallengeAuthenticator>map(m -> command -> refusals(m, port.challenge(command))).getOrElse(port);
    }

    public AuditLog audit(AuditLog port) {
        return meters.<AuditLog>map(m -> new AuditEventMeters(port, m)).getOrElse(port);
    }

    public TransactionStore transactions(TransactionStore port) {
        return meters.<TransactionStore>map(m -> new CompletionMeters(port, m)).getOrElse(port);
    }

    public SmsSender sms(SmsSender port) {
        return meters.<SmsSender>map(m -> message -> DeliveryTimer.send(m, port, message)).getOrElse(port);
    }

    public VoiceSender voice(VoiceSender port) {
        return meters.<VoiceSender>map(m -> message -> DeliveryTimer.send(m, port, message)).getOrElse(port);
    }

    public EmailSender email(EmailSender port) {
        return meters.<EmailSender>map(m -> message -> DeliveryTimer.send(m, port, message)).getOrElse(port);
    }

    public UserDirectory users(UserDirectory port) {
        return meters.<UserDirectory>map(m -> new TimedUserDirectory(port, m)).getOrElse(port);
    }

    private static <T> Either<MfaError, T> counted(TwofoldMeters meters, GrantType grant, Either<MfaError, T> result) {
        return counted(meters, grant, result, value -> "success");
    }

    private static <T> Either<MfaError, T> counted(TwofoldMeters meters, GrantType grant, Either<MfaError, T> result,
                                                   java.util.function.Function<T, String> success) {
        meters.grant(grantLabel(grant), result.fold(Instrumentation::errorLabel, success));
        return refusals(meters, result);
    }

    private static <T> Either<MfaError, T> refusals(TwofoldMeters meters, Either<MfaError, T> result) {
        result.swap().forEach(error -> budget(error).forEach(meters::refusal));
        return result;
    }

    /** The budget a refusal names; none for any other error. */
    static Option<String> budget(MfaError error) {
        if (error instanceof MfaError.TooManyLoginAttempts) {
            return Option.some("password");
        } else if (error instanceof MfaError.TooManyAttempts) {
            return Option.some("second_factor");
        } else if (error instanceof MfaError.TooManySends sends) {
            return Option.some("send_" + sends.limit().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Option.none();
    }

    /** The record's name: a fixed set (MfaError is sealed), never anything the caller sent. */
    static String errorLabel(MfaError error) {
        return TwofoldMeters.snake(error.getClass().getSimpleName());
    }

    /** {@code mfa-otp} for Auth0's long URI, the plain name for the others. */
    static String grantLabel(GrantType grant) {
        String wire = grant.wireName();
        return wire.startsWith(AUTH0_GRANT_PREFIX) ? wire.substring(AUTH0_GRANT_PREFIX.length()) : wire;
    }
}
