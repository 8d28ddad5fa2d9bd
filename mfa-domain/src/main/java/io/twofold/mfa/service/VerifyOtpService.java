package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/** The {@code mfa-otp} grant: a TOTP code completes a login, or confirms a pending TOTP authenticator. */
public final class VerifyOtpService implements VerifyOtp {
    private final MfaDependencies deps;
    private final SecondFactorAttempts attempts;
    private final Confirmation confirmation;
    private final TokenCompletion completion;

    VerifyOtpService(MfaDependencies deps, SecondFactorAttempts attempts, Confirmation confirmation,
                     TokenCompletion completion) {
        this.deps = deps;
        this.attempts = attempts;
        this.confirmation = confirmation;
        this.completion = completion;
    }

    @Override
    public Either<MfaError, IssuedTokens> verify(VerifyOtpCommand command) {
        return deps.unitOfWork().inTransaction(() -> attempts.begin(command.client(), GrantType.MFA_OTP, command.mfaToken())
                .flatMap(tx -> verify(tx, command.otp())));
    }

    private Either<MfaError, IssuedTokens> verify(MfaTransaction tx, String code) {
        Instant now = deps.clock().instant();
        List<Authenticator> totps = new UserFactors(deps.authenticators().findByUser(tx.userId()), now)
                .live(AuthenticatorKind.TOTP);
        if (totps.isEmpty()) {
            return Either.left(new MfaError.NotEnrolled());
        }
        Option<Authenticator> matched = totps.find(a -> accepts(a, code, now));
        if (matched.isEmpty()) {
            return attempts.failed(tx, "otp", new MfaError.InvalidOtp());
        }
        attempts.succeeded(tx);
        confirmation.confirmIfPending(matched.get(), tx);
        return completion.complete(tx, matched.get().id().value());
    }

    /**
     * A code counts only if its step is later than the last accepted one, and only if the store's
     * compare-and-set records it: of two requests with the same code, exactly one gets through.
     */
    private boolean accepts(Authenticator authenticator, String code, Instant now) {
        Factor.Totp totp = (Factor.Totp) authenticator.factor();
        Option<Long> after = deps.authenticators().lastAcceptedStep(authenticator.id());
        return deps.otp().verify(totp.seed(), code, now, after)
                .exists(step -> deps.authenticators().acceptTotpStep(authenticator.id(), step));
    }
}
