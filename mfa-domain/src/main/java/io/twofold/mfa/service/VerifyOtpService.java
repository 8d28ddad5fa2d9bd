package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.TokenRequest;
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
                        .flatMap(attempt -> verify(attempt, command.otp())))
                .map(completion::issue);
    }

    private Either<MfaError, TokenRequest> verify(SecondFactorAttempts.Attempt attempt, String code) {
        MfaTransaction tx = attempt.tx();
        Instant now = deps.clock().instant();
        UserFactors factors = new UserFactors(attempt.authenticators(), now);
        List<Authenticator> totps = factors.usableThrough(tx, AuthenticatorKind.TOTP);
        if (totps.isEmpty()) {
            return Either.left(new MfaError.NotEnrolled());
        }
        return attempts.reserve(attempt).flatMap(reserved -> {
            Option<Authenticator> matched = totps.find(a -> accepts(a, code, now));
            if (matched.isEmpty() || !confirmation.confirmIfPending(matched.get(), tx, factors)) {
                return attempts.failed(reserved, "otp", new MfaError.InvalidOtp());
            }
            attempts.succeeded(reserved);
            return completion.complete(tx, matched.get().id().value());
        });
    }

    /**
     * A code counts only if the store's compare-and-set records its step, which it does only when
     * the step is later than the last accepted one (DESIGN invariant 1): of two requests with the
     * same code exactly one gets through, and an earlier step's code fails once a later one passed.
     * <p>
     * The last accepted step is deliberately not read first to pass as {@code afterStep}: that read
     * would be a database round trip that decides nothing, since the compare-and-set must run anyway
     * and is the only check that holds under concurrency. Without the floor the verifier returns the
     * HIGHEST step of the window that the code matches; if even that one is at or below the stored
     * step, every lower match is too, so the compare-and-set refuses exactly the codes the floor would
     * have refused, and the replay is charged as a wrong code. Do not "optimise" this into a read
     * followed by an unconditional write: that reopens the replay race.
     */
    private boolean accepts(Authenticator authenticator, String code, Instant now) {
        Factor.Totp totp = (Factor.Totp) authenticator.factor();
        return deps.otp().verify(totp.seed(), code, now, Option.none())
                .exists(step -> deps.authenticators().acceptTotpStep(authenticator.id(), step));
    }
}
