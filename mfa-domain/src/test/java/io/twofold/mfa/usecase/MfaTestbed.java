package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.memory.InMemoryUnitOfWork;
import io.twofold.mfa.fake.FakeTokenIssuer;
import io.twofold.mfa.memory.InMemoryAttemptCounterStore;
import io.twofold.mfa.memory.InMemoryAuditLog;
import io.twofold.mfa.memory.InMemoryTenantPolicyStore;
import io.twofold.mfa.memory.InMemoryAuthenticatorStore;
import io.twofold.mfa.memory.InMemoryChallengeStore;
import io.twofold.mfa.memory.InMemoryClientRegistry;
import io.twofold.mfa.memory.InMemoryRefreshTokenStore;
import io.twofold.mfa.memory.InMemoryTransactionStore;
import io.twofold.mfa.fake.InMemoryUserDirectory;
import io.twofold.mfa.fake.RecordingSender;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.User;
import io.twofold.mfa.otp.internal.Base32;
import io.twofold.mfa.otp.RfcOneTimePasswords;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/**
 * The use cases wired over the in-memory fakes, a hand-moved clock and seeded randomness, with
 * one client ({@code app}, MFA always) and one user ({@code alice}), and shorthands for the steps
 * tests repeat.
 */
public final class MfaTestbed {
    public static final String ISSUER = "https://twofold.test/";
    public static final String CLIENT_SECRET = "client-secret-1";
    public static final String PASSWORD = "correct horse battery staple";
    public static final String PHONE = "+15551234567";
    /** The address every login of the testbed comes from (TEST-NET-2, RFC 5737). */
    public static final String CLIENT_IP = "198.51.100.7";
    public static final Scope MFA_API_SCOPE = Scope.parse("enroll read:authenticators remove:authenticators");

    public final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    public final InMemoryUserDirectory users = new InMemoryUserDirectory();
    public final InMemoryClientRegistry clients = new InMemoryClientRegistry();
    public final InMemoryAuthenticatorStore authenticators = new InMemoryAuthenticatorStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryTenantPolicyStore tenant = new InMemoryTenantPolicyStore();
    public final InMemoryTransactionStore transactions = new InMemoryTransactionStore(audit);
    public final InMemoryChallengeStore challenges = new InMemoryChallengeStore();
    public final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
    public final AttemptCounterStore counters;
    public final FakeTokenIssuer tokens = new FakeTokenIssuer(clock, ISSUER);
    public final RecordingSender sender = new RecordingSender();
    public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    public final MfaSettings settings;
    public final MfaServices services;
    public final User alice;
    public final ClientCredentials app = new ClientCredentials(new ClientId("app"), Option.some(CLIENT_SECRET));

    public MfaTestbed() {
        this(MfaSettings.defaults("Twofold Test"));
    }

    public MfaTestbed(MfaSettings settings) {
        this(settings, new InMemoryAttemptCounterStore());
    }

    /** The testbed with {@code counters} in place of the in-memory store (a database adapter, to race on). */
    public MfaTestbed(MfaSettings settings, AttemptCounterStore counters) {
        this.settings = settings;
        this.counters = counters;
        SeededRandomSource random = new SeededRandomSource(42);
        this.services = builder(random).build();
        clients.registerConfidential("app", CLIENT_SECRET, MfaPolicy.ALWAYS);
        this.alice = users.add("user-alice", "alice", PASSWORD);
    }

    /** The builder of {@link #services}, for a test that swaps one port (then builds its own services). */
    public MfaServices.Builder builder(SeededRandomSource random) {
        return MfaServices.builder().users(users).clients(clients).authenticators(authenticators)
                .tenant(tenant).transactions(transactions).challenges(challenges).attemptCounters(counters).tokens(tokens)
                .sms(sender).voice(sender).email(sender).unitOfWork(unitOfWork).audit(audit).clock(clock)
                .random(random).settings(settings).refreshTokens(refreshTokens);
    }

    // ---- first factor

    public Either<MfaError, LoginOutcome> passwordLogin(Option<String> audience, Scope scope) {
        return passwordLogin("alice", audience, scope);
    }

    private Either<MfaError, LoginOutcome> passwordLogin(String username, Option<String> audience, Scope scope) {
        return services.passwordLogin().login(new PasswordLoginCommand(app, GrantType.PASSWORD, Option.none(),
                username, PASSWORD, audience, scope, Option.some(CLIENT_IP), Option.none()));
    }

    /** Adds a user ({@code user-<username>}, the testbed's password) and logs them in; the {@code mfa_token}. */
    public String newUserMfaToken(String username) {
        users.add("user-" + username, username, PASSWORD);
        return mfaRequired(passwordLogin(username, Option.none(), Scope.parse("openid"))).mfaToken();
    }

    /** A password login that must answer {@code mfa_required}; its {@code mfa_token}. */
    public String mfaToken() {
        return mfaRequired(passwordLogin(Option.none(), Scope.parse("openid"))).mfaToken();
    }

    /** A login for the MFA API audience with all three MFA API scopes; its {@code mfa_token}. */
    public String mfaApiMfaToken() {
        return mfaRequired(passwordLogin(Option.some(tokens.mfaApiAudience()), MFA_API_SCOPE)).mfaToken();
    }

    public static LoginOutcome.SecondFactorRequired mfaRequired(Either<MfaError, LoginOutcome> result) {
        if (result.isLeft() || !(result.get() instanceof LoginOutcome.SecondFactorRequired required)) {
            throw new AssertionError("expected a second factor to be required, got " + result);
        }
        return required;
    }

    /** The tokens of a login that needed no second factor. */
    public static IssuedTokens tokens(Either<MfaError, LoginOutcome> result) {
        if (result.isLeft() || !(result.get() instanceof LoginOutcome.Tokens tokens)) {
            throw new AssertionError("expected tokens, got " + result);
        }
        return tokens.tokens();
    }

    // ---- enrollment

    public Either<MfaError, Association> associateOtp(String bearer) {
        return services.associate().associate(new AssociateCommand(bearer, Option.none(), new EnrollmentChoice.Otp()));
    }

    public Either<MfaError, Association> associateSms(String bearer, String phone) {
        return services.associate().associate(new AssociateCommand(bearer, Option.none(),
                new EnrollmentChoice.Oob(OobChannel.SMS, Option.some(phone))));
    }

    /** An out-of-band enrollment ({@code sms}, {@code voice} or {@code email}) from {@code origin}. */
    public Either<MfaError, Association> associateOob(String bearer, String channel, String address,
                                                      RequestOrigin origin) {
        return services.associate().associate(new AssociateCommand(bearer, Option.none(),
                new EnrollmentChoice.Oob(OobChannel.byWireName(channel).get(), Option.some(address)), origin));
    }

    /** Enrolls TOTP with a fresh login and confirms it; the association (secret and recovery code). */
    public Association.Otp enrolledTotp() {
        String mfaToken = mfaToken();
        Association.Otp otp = (Association.Otp) associateOtp(mfaToken).get();
        if (verifyOtp(mfaToken, currentCode(otp.secret())).isLeft()) {
            throw new AssertionError("confirming the TOTP enrollment failed");
        }
        nextStep();
        return otp;
    }

    /** An MFA API access token for alice (scopes of {@link #MFA_API_SCOPE}), passing MFA with TOTP. */
    public String mfaApiAccessToken(Association.Otp otp) {
        String mfaToken = mfaApiMfaToken();
        String accessToken = verifyOtp(mfaToken, currentCode(otp.secret())).get().accessToken();
        nextStep();
        return accessToken;
    }

    // ---- second factor

    public Either<MfaError, IssuedTokens> verifyOtp(String mfaToken, String code) {
        return services.verifyOtp().verify(new VerifyOtpCommand(app, mfaToken, code));
    }

    public Either<MfaError, IssuedTokens> verifyOob(String mfaToken, String oobCode, String bindingCode) {
        return services.verifyOob().verify(new VerifyOobCommand(app, mfaToken, oobCode, Option.of(bindingCode)));
    }

    /** The code an authenticator app with this base32 secret shows now, computed independently. */
    public String currentCode(String base32Secret) {
        return codeAt(base32Secret, clock.instant());
    }

    public String codeAt(String base32Secret, Instant at) {
        return new Totp(settings.otp()).codeAt(Base32.decode(base32Secret), at);
    }

    /** A wrong code for now: the right one with its last digit changed. */
    public String wrongCode(String base32Secret) {
        String right = currentCode(base32Secret);
        char last = right.charAt(right.length() - 1);
        return right.substring(0, right.length() - 1) + (char) ('0' + (last - '0' + 5) % 10);
    }

    /** Moves the clock to the next TOTP step, so a new code exists. */
    public void nextStep() {
        clock.advance(settings.otp().period());
    }

    public void advance(Duration by) {
        clock.advance(by);
    }
}
