package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TokenRequest;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.User;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.secret.SecretGenerator;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * The first factor. Answers with tokens, or with {@code mfa_required} and a new {@code mfa_token}
 * that stands for the half-finished login. Wrong passwords are limited per username and end-user IP
 * (see {@link PasswordAttemptLimiter}); a second-factor lockout does not lock the password.
 */
public final class PasswordLoginService implements PasswordLogin {
    /** What a user with no active factor is offered to enroll. */
    static final List<String> ENROLL_TYPES = List.of("otp", "phone", "email");

    private final MfaDependencies deps;
    private final ClientGate clientGate;
    private final SecretGenerator secrets;
    private final PasswordAttemptLimiter limiter;
    private final AuditTrail audit;

    PasswordLoginService(MfaDependencies deps, ClientGate clientGate, SecretGenerator secrets,
                         PasswordAttemptLimiter limiter, AuditTrail audit) {
        this.deps = deps;
        this.clientGate = clientGate;
        this.secrets = secrets;
        this.limiter = limiter;
        this.audit = audit;
    }

    @Override
    public Either<MfaError, IssuedTokens> login(PasswordLoginCommand command) {
        // The client first: only an authenticated confidential client's auth0-forwarded-for counts.
        return clientGate.authorize(command.client(), command.grantType())
                .flatMap(client -> limiter.begin(command, client)
                        .flatMap(attemptKey -> firstFactor(command, client, attemptKey))
                        .flatMap(user -> secondFactorOrTokens(command, client, user)));
    }

    private Either<MfaError, User> firstFactor(PasswordLoginCommand command, Client client, String attemptKey) {
        // Unknown user and wrong password are one answer; the directory makes them take the same time.
        // Either way the attempt taken by the limiter stays spent.
        Option<User> user = deps.users().authenticate(command.realm(), command.username(), command.password());
        if (user.isEmpty()) {
            audit.record("login.failure", Option.none(), Option.of(client.id()), "reason", "wrong_credentials");
            return Either.left(new MfaError.WrongCredentials());
        }
        limiter.succeeded(attemptKey);
        return Either.right(user.get());
    }

    private Either<MfaError, IssuedTokens> secondFactorOrTokens(PasswordLoginCommand command, Client client, User user) {
        Instant now = deps.clock().instant();
        UserFactors factors = new UserFactors(deps.authenticators().findByUser(user.id()), now);
        if (!MfaRequirement.applies(client, command.audience(), deps.tokens().mfaApiAudience(), factors.hasActiveReal())) {
            audit.record("login.success", user.id(), client.id(), "mfa", "not_required");
            return Either.right(deps.tokens().issue(
                    new TokenRequest(user, client.id(), command.audience(), command.scope(), false, now)));
        }
        String mfaToken = secrets.opaqueToken();
        MfaTransaction transaction = new MfaTransaction(new TransactionId(secrets.internalId()), SecretHash.of(mfaToken),
                user.id(), client.id(), command.audience(), command.scope(), command.realm(), now,
                now.plus(deps.settings().lifetimes().mfaToken()), 0, false);
        deps.unitOfWork().inTransaction(() -> {
            deps.transactions().add(transaction);
            return transaction.id();
        });
        audit.record("login.mfa_required", user.id(), client.id(), "transaction", transaction.id().value());
        List<String> enroll = factors.hasActiveReal() ? List.empty() : ENROLL_TYPES;
        return Either.left(new MfaError.MfaRequired(mfaToken, factors.challengeTypes(), enroll));
    }
}
