package io.twofold.mfa.service;

import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.secret.SecretGenerator;

/** The use cases, built by hand from their dependencies: what a host service or the app wires once. */
public record MfaServices(
        PasswordLogin passwordLogin,
        AssociateAuthenticator associate,
        ChallengeAuthenticator challenge,
        VerifyOtp verifyOtp,
        VerifyOob verifyOob,
        VerifyRecoveryCode verifyRecoveryCode,
        ListAuthenticators listAuthenticators,
        DeleteAuthenticator deleteAuthenticator,
        PurgeExpired purgeExpired) {

    /** Builds every use case with {@code new}, sharing one set of helpers; no container needed. */
    public static MfaServices create(MfaDependencies deps) {
        SecretGenerator secrets = new SecretGenerator(deps.random());
        AuditTrail audit = new AuditTrail(deps.audit(), deps.clock());
        ClientGate clientGate = new ClientGate(deps.clients());
        MfaTokenGuard guard = new MfaTokenGuard(deps.transactions(), deps.settings().attempts(), deps.clock());
        BearerResolver bearers = new BearerResolver(deps.tokens(), guard);
        TokenBuckets buckets = new TokenBuckets(deps.attemptCounters(), deps.clock());
        UserAttemptLimiter userLimiter = new UserAttemptLimiter(buckets, deps.settings().attempts(), audit);
        PasswordAttemptLimiter passwordLimiter = new PasswordAttemptLimiter(deps.users(), buckets, deps.settings().passwords(), audit);
        SendLimiter sendLimiter = new SendLimiter(buckets, deps.settings().sends());
        OobDispatcher dispatcher = new OobDispatcher(deps, sendLimiter, secrets);
        SecondFactorAttempts attempts = new SecondFactorAttempts(clientGate, guard, userLimiter, deps.loginStates(),
                deps.transactions(), deps.settings().attempts(), audit);
        Confirmation confirmation = new Confirmation(deps.authenticators(), audit, deps.clock());
        TokenCompletion completion = new TokenCompletion(deps.transactions(), deps.users(), deps.tokens(), audit, deps.clock());
        return new MfaServices(
                new PasswordLoginService(deps, clientGate, secrets, passwordLimiter, audit),
                new AssociateAuthenticatorService(deps, clientGate, bearers, dispatcher, secrets, audit),
                new ChallengeAuthenticatorService(deps, clientGate, guard, dispatcher, audit),
                new VerifyOtpService(deps, attempts, confirmation, completion),
                new VerifyOobService(deps, attempts, confirmation, completion),
                new VerifyRecoveryCodeService(deps, attempts, completion, secrets),
                new ListAuthenticatorsService(deps, bearers),
                new DeleteAuthenticatorService(deps, bearers, guard, audit),
                new PurgeExpiredService(deps, userLimiter, sendLimiter, passwordLimiter, audit));
    }
}
