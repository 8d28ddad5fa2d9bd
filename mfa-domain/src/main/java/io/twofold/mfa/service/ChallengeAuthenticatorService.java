package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Picks an active factor for an open login; for out-of-band ones sends a code and stores the
 * challenge only once the code went out.
 */
public final class ChallengeAuthenticatorService implements ChallengeAuthenticator {
    private final MfaDependencies deps;
    private final ClientGate clientGate;
    private final MfaTokenGuard guard;
    private final OobDispatcher dispatcher;
    private final AuditTrail audit;

    ChallengeAuthenticatorService(MfaDependencies deps, ClientGate clientGate, MfaTokenGuard guard,
                                  OobDispatcher dispatcher, AuditTrail audit) {
        this.deps = deps;
        this.clientGate = clientGate;
        this.guard = guard;
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    @Override
    public Either<MfaError, Challenge> challenge(ChallengeCommand command) {
        return clientGate.authenticate(command.client()).flatMap(client -> {
            Either<MfaError, Tuple2<MfaTransaction, ActiveAuthenticator>> chosen = deps.unitOfWork().inTransaction(() ->
                    guard.open(command.mfaToken(), client.id())
                            .flatMap(tx -> ChallengeSelection.select(
                                            new UserFactors(deps.authenticators().findByUser(tx.userId()),
                                                    deps.clock().instant()).activeReal(),
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
                    deps.unitOfWork().inTransaction(() -> {
                        deps.challenges().add(sent.challenge());
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
