package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.otp.RfcOneTimePasswords;
import io.twofold.mfa.policy.EnrollmentAdmission;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.policy.PasswordBudget;
import io.twofold.mfa.policy.SecondFactorBudget;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.RevokeRefreshToken;
import io.twofold.mfa.port.in.UserInfo;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.ClientAssertionVerifier;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.OneTimePasswords;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UsedAssertionStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.port.out.VoiceSender;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.twofold.mfa.secret.SecureRandomSource;
import io.twofold.mfa.usecase.internal.AttemptBuckets;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.BearerResolver;
import io.twofold.mfa.usecase.internal.ClientAssertions;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.twofold.mfa.usecase.internal.ComposedLoginStates;
import io.twofold.mfa.usecase.internal.Confirmation;
import io.twofold.mfa.usecase.internal.FirstRecoveryCode;
import io.twofold.mfa.usecase.internal.MfaTokenGuard;
import io.twofold.mfa.usecase.internal.OobDispatcher;
import io.twofold.mfa.usecase.internal.PasswordAttempts;
import io.twofold.mfa.usecase.internal.RegisteredApis;
import io.twofold.mfa.usecase.internal.RefreshingTokenIssuer;
import io.twofold.mfa.usecase.internal.SecondFactorAttempts;
import io.twofold.mfa.usecase.internal.SendLimiter;
import io.twofold.mfa.usecase.internal.TokenCompletion;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * The use cases, built by hand from the ports a host gives the {@link #builder()}: the one place that
 * wires them, with no container. Each service's constructor names what it uses.
 */
public record MfaServices(
        PasswordLogin passwordLogin,
        AssociateAuthenticator associate,
        ChallengeAuthenticator challenge,
        VerifyOtp verifyOtp,
        VerifyOob verifyOob,
        VerifyRecoveryCode verifyRecoveryCode,
        ListAuthenticators listAuthenticators,
        DeleteAuthenticator deleteAuthenticator,
        PurgeExpired purgeExpired,
        UserInfo userInfo,
        RenewTokens renewTokens,
        RevokeRefreshToken revokeRefreshToken) {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the outbound ports. The stores, the client registry, the user directory, the token
     * issuer, the unit of work, the audit log and the clock (time is always injected) are required;
     * {@link #build} names a missing one. The rest have defaults: {@link SecureRandomSource}, the
     * RFC 6238 verifier, {@link MfaSettings#defaults} for tenant "Twofold", a login-state store
     * composed of the three stores it reads, and senders that refuse every code ("no SMS sender
     * configured"), which the API answers as a failed delivery.
     */
    public static final class Builder {
        private UserDirectory users;
        private Option<UserAccounts> accounts = Option.none();
        private ClientRegistry clients;
        private AuthenticatorStore authenticators;
        private TransactionStore transactions;
        private ChallengeStore challenges;
        private AttemptCounterStore attemptCounters;
        private LoginStateStore loginStates;
        private TenantPolicyStore tenant;
        private TokenIssuer tokens;
        private OneTimePasswords otp;
        private SmsSender sms = message -> refuse("SMS");
        private VoiceSender voice = message -> refuse("voice");
        private EmailSender email = message -> refuse("email");
        private UnitOfWork unitOfWork;
        private AuditLog audit;
        private Clock clock;
        private RandomSource random;
        private MfaSettings settings = MfaSettings.defaults("Twofold");
        private ResourceServerStore resourceServers;
        private RefreshTokenStore refreshTokens;
        private ClientAssertionVerifier assertionVerifier;
        private UsedAssertionStore usedAssertions;

        private Builder() {
        }

        public Builder users(UserDirectory users) {
            this.users = users;
            return this;
        }

        /** Optional: the users' whole profiles (the operator side's store), for Auth0's UserInfo claims. */
        public Builder userAccounts(UserAccounts accounts) {
            this.accounts = Option.of(accounts);
            return this;
        }

        public Builder clients(ClientRegistry clients) {
            this.clients = clients;
            return this;
        }

        public Builder authenticators(AuthenticatorStore authenticators) {
            this.authenticators = authenticators;
            return this;
        }

        public Builder transactions(TransactionStore transactions) {
            this.transactions = transactions;
            return this;
        }

        public Builder challenges(ChallengeStore challenges) {
            this.challenges = challenges;
            return this;
        }

        public Builder attemptCounters(AttemptCounterStore attemptCounters) {
            this.attemptCounters = attemptCounters;
            return this;
        }

        /** Optional: a store that reads a login's state in one query (the JDBC adapter's join). */
        public Builder loginStates(LoginStateStore loginStates) {
            this.loginStates = loginStates;
            return this;
        }

        /** Optional: the operator's switches, shared by the nodes; fixed at {@link TenantPolicy#DEFAULT} otherwise. */
        public Builder tenant(TenantPolicyStore tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder tokens(TokenIssuer tokens) {
            this.tokens = tokens;
            return this;
        }

        /** Optional: a verifier whose seeds stay elsewhere (an HSM); RFC 6238 with the settings' parameters otherwise. */
        public Builder otp(OneTimePasswords otp) {
            this.otp = otp;
            return this;
        }

        public Builder sms(SmsSender sms) {
            this.sms = sms;
            return this;
        }

        public Builder voice(VoiceSender voice) {
            this.voice = voice;
            return this;
        }

        public Builder email(EmailSender email) {
            this.email = email;
            return this;
        }

        public Builder unitOfWork(UnitOfWork unitOfWork) {
            this.unitOfWork = unitOfWork;
            return this;
        }

        public Builder audit(AuditLog audit) {
            this.audit = audit;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = random;
            return this;
        }

        /**
         * Optional: the registered APIs. With them a login for an audience that is neither registered
         * nor built in is refused, and gets only the scopes its API defines; without, any audience goes.
         */
        public Builder resourceServers(ResourceServerStore resourceServers) {
            this.resourceServers = resourceServers;
            return this;
        }

        /**
         * Optional: where refresh tokens live. With it, a login that asks for {@code offline_access}
         * from a client allowed the {@code refresh_token} grant gets one; without, none is ever issued
         * and every refresh token is unknown.
         */
        public Builder refreshTokens(RefreshTokenStore refreshTokens) {
            this.refreshTokens = refreshTokens;
            return this;
        }

        /**
         * Optional: Private Key JWT client authentication, the verifier of assertions' signatures and
         * audience, and where their ids are spent; without them, a client assertion never authenticates.
         */
        public Builder clientAssertions(ClientAssertionVerifier verifier, UsedAssertionStore used) {
            this.assertionVerifier = verifier;
            this.usedAssertions = used;
            return this;
        }

        public Builder settings(MfaSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The use cases; an {@link IllegalStateException} naming the first required port not given. */
        public MfaServices build() {
            required(users, "a UserDirectory (users)");
            required(clients, "a ClientRegistry (clients)");
            required(authenticators, "an AuthenticatorStore (authenticators)");
            required(transactions, "a TransactionStore (transactions)");
            required(challenges, "a ChallengeStore (challenges)");
            required(attemptCounters, "an AttemptCounterStore (attemptCounters)");
            required(tokens, "a TokenIssuer (tokens)");
            required(unitOfWork, "a UnitOfWork (unitOfWork)");
            required(audit, "an AuditLog (audit)");
            required(clock, "a Clock (clock), for example Clock.systemUTC()");
            required(settings, "MfaSettings (settings)");
            RandomSource randomness = random != null ? random : new SecureRandomSource();
            TenantPolicyStore switches = tenant != null ? tenant : new FixedTenantPolicy();
            return wire(randomness, otp != null ? otp : new RfcOneTimePasswords(settings.otp(), randomness),
                    loginStates != null ? loginStates
                            : new ComposedLoginStates(transactions, authenticators, attemptCounters, switches), switches);
        }

        private MfaServices wire(RandomSource randomness, OneTimePasswords verifier, LoginStateStore states,
                                 TenantPolicyStore switches) {
            SecretGenerator secrets = new SecretGenerator(randomness);
            AuditTrail trail = new AuditTrail(audit, clock);
            Option<ClientAssertions> assertions = assertionVerifier == null || usedAssertions == null ? Option.none()
                    : Option.some(new ClientAssertions(clients, assertionVerifier, usedAssertions, clock));
            ClientGate clientGate = new ClientGate(clients, assertions);
            SecondFactorBudget budget = new SecondFactorBudget(settings.attempts());
            MfaTokenGuard guard = new MfaTokenGuard(transactions, budget, clock);
            BearerResolver bearers = new BearerResolver(tokens, guard);
            AttemptBuckets buckets = new AttemptBuckets(attemptCounters, clock);
            PasswordAttempts passwordAttempts = new PasswordAttempts(users, buckets,
                    new PasswordBudget(settings.passwords()), trail);
            SendLimiter sendLimiter = new SendLimiter(buckets, settings.sends());
            OobDispatcher dispatcher = new OobDispatcher(sms, voice, email, sendLimiter, secrets, settings.lifetimes(),
                    settings.tenantName(), clock);
            SecondFactorAttempts attempts = new SecondFactorAttempts(clientGate, guard, states, transactions, challenges,
                    buckets, budget, trail);
            Confirmation confirmation = new Confirmation(authenticators, trail, clock);
            // The grants that end a user's login issue through it: it adds the refresh token they earn.
            TokenIssuer loginTokens = refreshTokens == null ? tokens
                    : new RefreshingTokenIssuer(tokens, refreshTokens, clients, secrets, Option.of(resourceServers));
            TokenCompletion completion = new TokenCompletion(transactions, users, loginTokens, trail, clock);
            FirstRecoveryCode firstRecoveryCode = new FirstRecoveryCode(authenticators, secrets,
                    settings.recoveryCodesEnabled(), clock);
            return new MfaServices(
                    new PasswordLoginService(clientGate, resourceServers == null ? RegisteredApis.unchecked(tokens)
                            : RegisteredApis.of(resourceServers, tokens), passwordAttempts, users, authenticators, switches,
                            transactions, loginTokens,
                            unitOfWork, secrets, trail, settings.lifetimes(), clock),
                    new AssociateAuthenticatorService(clientGate, bearers, dispatcher, users, authenticators, switches, challenges,
                            verifier, unitOfWork, secrets, trail, new EnrollmentAdmission(settings), settings, clock),
                    new ChallengeAuthenticatorService(clientGate, guard, dispatcher, authenticators, switches, challenges,
                            unitOfWork, trail, clock),
                    new VerifyOtpService(attempts, confirmation, completion, verifier, authenticators, firstRecoveryCode,
                            unitOfWork, clock),
                    new VerifyOobService(attempts, confirmation, completion, challenges, firstRecoveryCode, unitOfWork, clock),
                    new VerifyRecoveryCodeService(attempts, completion, authenticators, secrets, unitOfWork, clock),
                    new ListAuthenticatorsService(bearers, authenticators, clock),
                    new DeleteAuthenticatorService(bearers, guard, tokens, authenticators, unitOfWork, trail, clock),
                    new PurgeExpiredService(transactions, challenges, authenticators, attempts, sendLimiter,
                            passwordAttempts, Option.of(refreshTokens), assertions, trail, clock),
                    new UserInfoService(tokens, users, accounts),
                    refreshTokens == null ? command -> clientGate.authorize(command.client(), GrantType.REFRESH_TOKEN)
                            .flatMap(client -> Either.left(new MfaError.InvalidRefreshToken()))
                            : new RenewTokensService(clientGate, refreshTokens, users, tokens, unitOfWork, secrets, trail,
                                    clock),
                    refreshTokens == null ? (client, token) -> clientGate.authenticate(client).map(c -> false)
                            : new RevokeRefreshTokenService(clientGate, refreshTokens, unitOfWork, trail, clock));
        }

        private static void required(Object port, String what) {
            if (port == null) {
                throw new IllegalStateException("MfaServices needs " + what + "; give it to the builder");
            }
        }

        /** The switches of a host that gave no store: the defaults, which nothing can change. */
        private static final class FixedTenantPolicy implements TenantPolicyStore {
            @Override
            public TenantPolicy current() {
                return TenantPolicy.DEFAULT;
            }

            @Override
            public void enableFactor(FactorType type, boolean enabled) {
                throw new UnsupportedOperationException("give MfaServices.builder() a TenantPolicyStore to change it");
            }

            @Override
            public void requireMfaForAllApplications(boolean required) {
                throw new UnsupportedOperationException("give MfaServices.builder() a TenantPolicyStore to change it");
            }
        }

        private static void refuse(String channel) {
            throw new DeliveryException("no " + channel + " sender configured");
        }
    }
}
