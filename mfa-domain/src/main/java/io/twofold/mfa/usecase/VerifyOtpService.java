package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.OneTimePasswords;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.Confirmation;
import io.twofold.mfa.usecase.internal.FirstRecoveryCode;
import io.twofold.mfa.usecase.internal.SecondFactorAttempts;
import io.twofold.mfa.usecase.internal.TokenCompletion;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/** The {@code mfa-otp} grant: a TOTP code completes a login, or confirms a pending TOTP authenticator. */
record VerifyOtpService(SecondFactorAttempts attempts, Confirmation confirmation, TokenCompletion completion,
        OneTimePasswords otp, AuthenticatorStore authenticators, FirstRecoveryCode firstRecoveryCode, UnitOfWork unitOfWork,
        Clock clock) implements VerifyOtp {

    @Override
    public Either<MfaError, IssuedTokens> verify(VerifyOtpCommand command) {
        return unitOfWork.inTransaction(() -> attempts.begin(command.client(), GrantType.MFA_OTP, command.mfaToken())
                        .flatMap(attempt -> verify(attempt, command.otp())
                                .map(tokens -> Tuple.of(tokens, firstRecoveryCode.issueIfNone(attempt.tx().userId(),
                                        attempt.authenticators().exists(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE),
                                        attempt.policy())))))
                .map(done -> completion.issue(done._1).withRecoveryCode(done._2));
    }

    private Either<MfaError, TokenRequest> verify(SecondFactorAttempts.Attempt attempt, String code) {
        MfaTransaction tx = attempt.tx();
        Instant now = clock.instant();
        UserFactors factors = new UserFactors(attempt.authenticators(), now);
        List<Authenticator> totps = factors.usableThrough(tx, AuthenticatorKind.TOTP);
        if (totps.isEmpty()) {
            return Either.left(new MfaError.NotEnrolled());
        }
        return attempts.reserve(attempt).flatMap(reserved -> {
            Option<Authenticator> matched = totps.find(a -> accepts(a, code, now));
            if (matched.isEmpty() || !confirmation.confirmIfPending(matched.get(), tx, factors, attempt.policy())) {
                return attempts.failed(reserved, "otp", matched.orElse(totps.singleOption()).map(Authenticator::id),
                        new MfaError.InvalidOtp());
            }
            return attempts.succeeded(reserved, completion, matched.get().id().value());
        });
    }

    /**
     * A code counts only if the store's compare-and-set records its step, which it does only when the
     * step is later than the last accepted one (DESIGN invariant 1): of two requests with the same
     * code exactly one gets through. No read of the last step first: only the compare-and-set holds
     * under concurrency, and the verifier's highest matching step makes it refuse every replay.
     */
    private boolean accepts(Authenticator authenticator, String code, Instant now) {
        Factor.Totp totp = (Factor.Totp) authenticator.factor();
        return otp.verify(totp.seed(), totp.parameters(), code, now).exists(step -> authenticators.acceptTotpStep(authenticator.id(), step, now));
    }
}
