package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.RecoveryLogin;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.secret.internal.RecoveryCodes;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.usecase.internal.SecondFactorAttempts;
import io.twofold.mfa.usecase.internal.TokenCompletion;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * The {@code mfa-recovery-code} grant: the code works once; using it replaces it with a new one,
 * shown once in the answer (DESIGN invariant 5).
 */
record VerifyRecoveryCodeService(SecondFactorAttempts attempts, TokenCompletion completion,
        AuthenticatorStore authenticators, SecretGenerator secrets, UnitOfWork unitOfWork, Clock clock)
        implements VerifyRecoveryCode {

    @Override
    public Either<MfaError, RecoveryLogin> verify(VerifyRecoveryCodeCommand command) {
        return unitOfWork.inTransaction(() ->
                attempts.begin(command.client(), GrantType.MFA_RECOVERY_CODE, command.mfaToken())
                        .flatMap(attempt -> verify(attempt, command.recoveryCode())))
                .map(done -> new RecoveryLogin(completion.issue(done.tokens()), done.nextCode()));
    }

    /** A spent recovery code: the tokens to issue once committed, and the code that replaces it. */
    private record Recovered(TokenRequest tokens, String nextCode) {
    }

    private Either<MfaError, Recovered> verify(SecondFactorAttempts.Attempt attempt, String presented) {
        MfaTransaction tx = attempt.tx();
        Option<ActiveAuthenticator> recovery =
                new UserFactors(attempt.authenticators(), clock.instant()).activeRecoveryCode();
        if (recovery.isEmpty()) {
            return Either.left(new MfaError.NoRecoveryCode());
        }
        SecretHash stored = ((Factor.RecoveryCode) recovery.get().factor()).codeHash();
        return attempts.reserve(attempt).flatMap(reserved -> {
            // Input that cannot be a recovery code is a wrong guess like any other, and costs the same.
            boolean right = RecoveryCodes.normalize(presented).exists(code -> SecretHash.of(code).matches(stored));
            if (!right) {
                return attempts.failed(reserved, "recovery-code", Option.of(recovery.get().id()),
                        new MfaError.InvalidRecoveryCode());
            }
            String next = secrets.recoveryCode();
            SecretHash nextHash = SecretHash.of(RecoveryCodes.normalize(next).get());
            // Compare-and-set on the old hash: of two requests with the same code, one spends it.
            if (!authenticators.replaceRecoveryCode(recovery.get().id(), stored, nextHash, clock.instant())) {
                return attempts.failed(reserved, "recovery-code", Option.of(recovery.get().id()),
                        new MfaError.InvalidRecoveryCode());
            }
            return attempts.succeeded(reserved, completion, recovery.get().id().value()).map(tokens -> new Recovered(tokens, next));
        });
    }
}
