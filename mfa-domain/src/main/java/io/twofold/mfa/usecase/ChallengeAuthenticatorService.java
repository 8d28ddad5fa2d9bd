package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ChallengeSelection;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.twofold.mfa.usecase.internal.MfaTokenGuard;
import io.twofold.mfa.usecase.internal.OobDispatcher;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * Picks an active factor for an open login; for out-of-band ones sends a code and stores the
 * challenge only once the code went out.
 */
record ChallengeAuthenticatorService(ClientGate clientGate, MfaTokenGuard guard, OobDispatcher dispatcher,
        AuthenticatorStore authenticators, TenantPolicyStore tenant, ChallengeStore challenges, UnitOfWork unitOfWork,
        AuditTrail audit, Clock clock) implements ChallengeAuthenticator {

    @Override
    public Either<MfaError, Challenge> challenge(ChallengeCommand command) {
        return clientGate.authenticate(command.client()).flatMap(client -> {
            Either<MfaError, Tuple2<MfaTransaction, ActiveAuthenticator>> chosen = unitOfWork.inTransaction(() ->
                    guard.open(command.mfaToken(), client.id())
                            .flatMap(tx -> ChallengeSelection.select(
                                            new UserFactors(tenant.current().usable(
                                                    authenticators.findByUser(tx.userId())), clock.instant()).activeReal(),
                                            command.challengeTypes(), command.authenticatorId())
                                    .map(a -> Tuple.of(tx, a))));
            return chosen.flatMap(t -> challenge(t._1, t._2, command.origin().endUserIp(client.confidential())));
        });
    }

    private Either<MfaError, Challenge> challenge(MfaTransaction tx, ActiveAuthenticator authenticator,
                                                  Option<String> endUserIp) {
        if (!(authenticator.factor() instanceof Factor.Oob oob)) {
            record(tx, authenticator, "otp");
            return Either.right(new Challenge.Otp());
        }
        return dispatcher.sendForChallenge(tx.userId(), authenticator.id(), oob, endUserIp)
                .peekLeft(error -> record(tx, authenticator, "refused:" + error.getClass().getSimpleName()))
                .map(sent -> {
                    unitOfWork.inTransaction(() -> {
                        challenges.add(sent.challenge());
                        return sent.challenge().id();
                    });
                    record(tx, authenticator, "sent");
                    return new Challenge.Oob(sent.oobCode());
                });
    }

    private void record(MfaTransaction tx, ActiveAuthenticator authenticator, String outcome) {
        audit.record("mfa.challenge", tx.userId(), tx.clientId(), "transaction", tx.id().value(),
                "authenticator", authenticator.id().value(), "outcome", outcome);
    }
}
