package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.Confirmation;
import io.twofold.mfa.usecase.internal.FirstRecoveryCode;
import io.twofold.mfa.usecase.internal.SecondFactorAttempts;
import io.twofold.mfa.usecase.internal.TokenCompletion;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.Tuple;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * The {@code mfa-oob} grant: an {@code oob_code} and its binding code complete a login, or confirm
 * the pending authenticator the code was sent to. A code works once, expires, and allows a bounded
 * number of wrong binding codes; wrong codes also count against the transaction and the user, so
 * asking for a new code never buys more guesses.
 */
record VerifyOobService(SecondFactorAttempts attempts, Confirmation confirmation, TokenCompletion completion,
        ChallengeStore challenges, FirstRecoveryCode firstRecoveryCode, UnitOfWork unitOfWork, Clock clock)
        implements VerifyOob {

    @Override
    public Either<MfaError, IssuedTokens> verify(VerifyOobCommand command) {
        return unitOfWork.inTransaction(() -> attempts.begin(command.client(), GrantType.MFA_OOB, command.mfaToken())
                        .flatMap(attempt -> verify(attempt, command)
                                .map(tokens -> Tuple.of(tokens, firstRecoveryCode.issueIfNone(attempt.tx().userId(),
                                        attempt.authenticators().exists(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE),
                                        attempt.policy())))))
                .map(done -> completion.issue(done._1).withRecoveryCode(done._2));
    }

    private Either<MfaError, TokenRequest> verify(SecondFactorAttempts.Attempt attempt, VerifyOobCommand command) {
        MfaTransaction tx = attempt.tx();
        Instant now = clock.instant();
        if (command.oobCode() == null || command.oobCode().isBlank()) {
            return Either.left(new MfaError.MalformedOobCode());
        }
        Option<OobChallenge> found = challenges.findByCodeHash(SecretHash.of(command.oobCode()));
        // Unknown, used up, or another user's: one answer, so the caller learns nothing about other codes.
        if (found.isEmpty() || found.get().consumed() || !found.get().userId().equals(tx.userId())) {
            return Either.left(new MfaError.MalformedOobCode());
        }
        OobChallenge challenge = found.get();
        if (challenge.isExpired(now)) {
            return Either.left(new MfaError.ExpiredOobCode());
        }
        return attempts.check(challenge).flatMap(c -> verify(attempt, command, c, now));
    }

    private Either<MfaError, TokenRequest> verify(SecondFactorAttempts.Attempt attempt, VerifyOobCommand command,
                                                  OobChallenge challenge, Instant now) {
        MfaTransaction tx = attempt.tx();
        UserFactors factors = new UserFactors(attempt.authenticators(), now);
        Option<Authenticator> authenticator = factors.usableThrough(tx)
                .find(a -> a.id().equals(challenge.authenticatorId()));
        if (authenticator.isEmpty()) {
            // Deleted, expired or discarded since the code was sent, or another login's enrollment.
            return Either.left(new MfaError.MalformedOobCode());
        }
        if (command.bindingCode().isEmpty() || command.bindingCode().get().isBlank()) {
            return Either.left(new MfaError.InvalidRequest("binding_code is required"));
        }
        // The challenge's own budget first: a spent oob_code costs the login and the user nothing more.
        if (!attempts.reserve(challenge)) {
            return Either.left(new MfaError.TooManyAttempts());
        }
        return attempts.reserve(attempt).flatMap(reserved -> {
            // Constant-time comparison of hashes keyed by the oob_code (SecretHash.matches).
            SecretHash presented = SecretHash.of(command.oobCode(), command.bindingCode().get().strip());
            if (!presented.matches(challenge.bindingCodeHash())) {
                return attempts.failed(reserved, "oob", Option.of(challenge.authenticatorId()),
                        new MfaError.InvalidBindingCode());
            }
            if (!challenges.consume(challenge.id())
                    || !confirmation.confirmIfPending(authenticator.get(), tx, factors, attempt.policy())) {
                return Either.left(new MfaError.MalformedOobCode());
            }
            return attempts.succeeded(reserved, completion, authenticator.get().id().value());
        });
    }
}
