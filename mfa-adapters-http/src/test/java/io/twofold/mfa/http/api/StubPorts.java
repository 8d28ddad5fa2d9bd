package io.twofold.mfa.http.api;

import io.micronaut.context.annotation.Requires;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.UserClaims;
import io.twofold.mfa.port.in.UserInfo;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.RenewTokensCommand;
import io.twofold.mfa.port.in.RevokeRefreshToken;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.port.in.RecoveryLogin;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Every inbound port as one scripted bean: a test sets the answer and reads back the last command. */
@Singleton
@Requires(env = StubPorts.ENV)
public class StubPorts implements PasswordLogin, AssociateAuthenticator, ChallengeAuthenticator, VerifyOtp,
        VerifyOob, VerifyRecoveryCode, ListAuthenticators, DeleteAuthenticator, UserInfo, RenewTokens,
        RevokeRefreshToken {

    public static final String ENV = "api-stub";
    public static final IssuedTokens TOKENS =
            new IssuedTokens("at.1", Option.none(), 86_400, Scope.parse("openid profile"), "Bearer");

    public volatile Function<PasswordLoginCommand, Either<MfaError, LoginOutcome>> login;
    public volatile Function<AssociateCommand, Either<MfaError, Association>> associate;
    public volatile Function<ChallengeCommand, Either<MfaError, Challenge>> challenge;
    public volatile Function<VerifyOtpCommand, Either<MfaError, IssuedTokens>> otp;
    public volatile Function<VerifyOobCommand, Either<MfaError, IssuedTokens>> oob;
    public volatile Function<VerifyRecoveryCodeCommand, Either<MfaError, RecoveryLogin>> recovery;
    public volatile Function<RenewTokensCommand, Either<MfaError, IssuedTokens>> refresh;
    public volatile BiFunction<ClientCredentials, String, Either<MfaError, Boolean>> revoke;
    public volatile Function<String, Either<MfaError, List<AuthenticatorView>>> list;
    public volatile BiFunction<String, String, Either<MfaError, List<AuthenticatorId>>> delete;
    public final AtomicReference<Object> lastCommand = new AtomicReference<>();

    public StubPorts() {
        reset();
    }

    public final void reset() {
        login = c -> Either.right(new LoginOutcome.Tokens(TOKENS));
        associate = c -> Either.left(new MfaError.InvalidToken("no script"));
        challenge = c -> Either.right(new Challenge.Otp());
        otp = c -> Either.right(TOKENS);
        oob = c -> Either.right(TOKENS);
        recovery = c -> Either.right(new RecoveryLogin(TOKENS, "NEWCODE"));
        refresh = c -> Either.right(TOKENS.withRefreshToken(Option.some("RT.2")));
        revoke = (c, t) -> Either.right(true);
        list = b -> Either.right(List.empty());
        delete = (b, id) -> Either.right(List.empty());
        lastCommand.set(null);
    }

    @SuppressWarnings("unchecked")
    public <T> T last() {
        return (T) lastCommand.get();
    }

    @Override
    public Either<MfaError, LoginOutcome> login(PasswordLoginCommand command) {
        lastCommand.set(command);
        return login.apply(command);
    }

    @Override
    public Either<MfaError, Association> associate(AssociateCommand command) {
        lastCommand.set(command);
        return associate.apply(command);
    }

    @Override
    public Either<MfaError, Challenge> challenge(ChallengeCommand command) {
        lastCommand.set(command);
        return challenge.apply(command);
    }

    @Override
    public Either<MfaError, IssuedTokens> verify(VerifyOtpCommand command) {
        lastCommand.set(command);
        return otp.apply(command);
    }

    @Override
    public Either<MfaError, IssuedTokens> verify(VerifyOobCommand command) {
        lastCommand.set(command);
        return oob.apply(command);
    }

    @Override
    public Either<MfaError, RecoveryLogin> verify(VerifyRecoveryCodeCommand command) {
        lastCommand.set(command);
        return recovery.apply(command);
    }

    @Override
    public Either<MfaError, List<AuthenticatorView>> list(String bearer) {
        lastCommand.set(bearer);
        return list.apply(bearer);
    }

    @Override
    public Either<MfaError, List<AuthenticatorId>> delete(String bearer, String authenticatorId) {
        lastCommand.set(authenticatorId);
        return delete.apply(bearer, authenticatorId);
    }

    @Override
    public Either<MfaError, IssuedTokens> renew(RenewTokensCommand command) {
        lastCommand.set(command);
        return refresh.apply(command);
    }

    @Override
    public Either<MfaError, Boolean> revoke(ClientCredentials client, String refreshToken) {
        lastCommand.set(client);
        return revoke.apply(client, refreshToken);
    }

    /** Unscripted: the stub serves no UserInfo (the real services' tests cover it). */
    @Override
    public Either<MfaError, UserClaims> userInfo(String bearer) {
        lastCommand.set(bearer);
        return Either.left(new MfaError.InvalidToken("Invalid token"));
    }
}
