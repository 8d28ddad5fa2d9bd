package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.User;
import io.twofold.mfa.policy.Lifetimes;
import io.twofold.mfa.policy.MfaRequirement;
import io.twofold.mfa.policy.PasswordBudget;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.twofold.mfa.usecase.internal.PasswordAttempts;
import io.twofold.mfa.usecase.internal.RegisteredApis;
import io.twofold.mfa.usecase.internal.UserFactors;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * The first factor. Answers with tokens, or with {@code mfa_required} and a new {@code mfa_token}
 * that stands for the half-finished login. Wrong passwords are limited per username and end-user IP
 * (see {@link PasswordBudget}); a second-factor lockout does not lock the password.
 */
record PasswordLoginService(ClientGate clientGate, RegisteredApis apis, PasswordAttempts attempts, UserDirectory users,
        AuthenticatorStore authenticators, TenantPolicyStore tenant, TransactionStore transactions, TokenIssuer tokens,
        UnitOfWork unitOfWork, SecretGenerator secrets, AuditTrail audit, Lifetimes lifetimes, Clock clock)
        implements PasswordLogin {
    /** What a user with no active factor is offered to enroll. */
    static final List<FactorType> ENROLL_TYPES = List.of(FactorType.OTP, FactorType.PHONE, FactorType.EMAIL);

    @Override
    public Either<MfaError, LoginOutcome> login(PasswordLoginCommand command) {
        // The client first: only an authenticated confidential client's auth0-forwarded-for counts.
        // The audience next: a login for an API that does not exist spends no password attempt.
        return clientGate.authorize(command.client(), command.grantType())
                .flatMap(client -> apis.forUserLogin(command.audience(), command.scope())
                        .flatMap(scope -> attempts.begin(command, client)
                                .flatMap(attemptKey -> firstFactor(command, client, attemptKey))
                                .flatMap(user -> secondFactorOrTokens(command, scope, client, user))));
    }

    private Either<MfaError, User> firstFactor(PasswordLoginCommand command, Client client, String attemptKey) {
        // Unknown user and wrong password are one answer; the directory makes them take the same time.
        // Either way the attempt taken by the limiter stays spent.
        Option<User> user = users.authenticate(command.realm(), command.username(), command.password());
        if (user.isEmpty()) {
            audit.record("login.failure", Option.none(), Option.of(client.id()), "reason", "wrong_credentials",
                    "grant", command.grantType().wireName());
            return Either.left(new MfaError.WrongCredentials());
        }
        attempts.succeeded(attemptKey);
        // Only after the right password: a wrong one answers as for an unknown user, blocked or not.
        if (user.get().blocked()) {
            audit.record("login.refused", Option.of(user.get().id()), Option.of(client.id()), "reason", "blocked");
            return Either.left(new MfaError.UserBlocked());
        }
        return Either.right(user.get());
    }

    private Either<MfaError, LoginOutcome> secondFactorOrTokens(PasswordLoginCommand command, Scope scope, Client client,
                                                             User user) {
        Instant now = clock.instant();
        // Read on every login, never cached: an operator's switch holds on every node at once.
        TenantPolicy policy = tenant.current();
        UserFactors factors = new UserFactors(policy.usable(authenticators.findByUser(user.id())), now);
        if (!MfaRequirement.applies(client, policy, command.audience(), tokens.mfaApiAudience(), factors.hasActiveReal())) {
            audit.record("login.success", user.id(), client.id(), "mfa", "not_required",
                    "grant", command.grantType().wireName());
            return Either.right(new LoginOutcome.Tokens(tokens.issue(
                    new TokenRequest(user, client.id(), command.audience(), scope, false, now))));
        }
        String mfaToken = secrets.opaqueToken();
        MfaTransaction transaction = MfaTransaction.open(new TransactionId(secrets.internalId()), SecretHash.of(mfaToken),
                user.id(), client.id(), command.audience(), scope, command.realm(), now,
                now.plus(lifetimes.mfaToken()));
        unitOfWork.inTransaction(() -> {
            transactions.add(transaction);
            return transaction.id();
        });
        audit.record("login.mfa_required", user.id(), client.id(), "transaction", transaction.id().value());
        List<FactorType> enroll = factors.hasActiveReal() ? List.empty() : ENROLL_TYPES.filter(policy::allows);
        return Either.right(new LoginOutcome.SecondFactorRequired(mfaToken, factors.challengeTypes(), enroll));
    }
}
