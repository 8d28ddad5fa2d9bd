package io.twofold.mfa.http.api;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.http.api.error.OAuthError;
import io.twofold.mfa.http.api.error.OAuthErrors;
import io.twofold.mfa.http.api.request.AuthorizationHeader.BasicCredentials;
import io.twofold.mfa.http.api.request.ClientAuthentication;
import io.twofold.mfa.http.api.request.RequestParams;
import io.twofold.mfa.http.api.response.ApiBodies;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.MachineLogin;
import io.twofold.mfa.port.in.MachineLoginCommand;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.RenewTokensCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The grants of {@code POST /oauth/token}: reads each grant's parameters into its command and calls
 * its use case.
 */
final class TokenGrants {

    private final PasswordLogin passwordLogin;
    private final VerifyOtp verifyOtp;
    private final VerifyOob verifyOob;
    private final VerifyRecoveryCode verifyRecoveryCode;
    private final Option<MachineLogin> machineLogin;
    private final RenewTokens renewTokens;

    /** Without a {@link MachineLogin} (a host that serves no machine tokens) {@code client_credentials} is unsupported. */
    TokenGrants(PasswordLogin passwordLogin, VerifyOtp verifyOtp, VerifyOob verifyOob,
                VerifyRecoveryCode verifyRecoveryCode, RenewTokens renewTokens, Option<MachineLogin> machineLogin) {
        this.passwordLogin = passwordLogin;
        this.verifyOtp = verifyOtp;
        this.verifyOob = verifyOob;
        this.verifyRecoveryCode = verifyRecoveryCode;
        this.machineLogin = machineLogin;
        this.renewTokens = renewTokens;
    }

    Either<OAuthError, Map<String, Object>> grant(RequestParams params, Option<BasicCredentials> basic,
                                                  RequestOrigin origin) {
        boolean basicUsed = basic.isDefined();
        Either<OAuthError, GrantType> grantType = params.requiredString("grant_type")
                .mapLeft(OAuthErrors::map)
                .flatMap(name -> GrantType.byWireName(name).toEither(() -> OAuthErrors.unsupportedGrantType(name)));
        return grantType.flatMap(type -> ClientAuthentication.required(basic, params)
                .flatMap(client -> dispatch(type, client, params, origin))
                .mapLeft(error -> OAuthErrors.map(error, basicUsed))
                .flatMap(reply -> reply));
    }

    /** Right: the token response, or (a login that needs a second factor) the {@code mfa_required} answer. */
    private Either<MfaError, Either<OAuthError, Map<String, Object>>> dispatch(GrantType type, ClientCredentials client,
                                                                              RequestParams params, RequestOrigin origin) {
        return switch (type) {
            case PASSWORD, PASSWORD_REALM -> password(type, client, params, origin).map(TokenGrants::loginReply);
            case CLIENT_CREDENTIALS -> machine(client, params);
            case REFRESH_TOKEN -> refresh(client, params).map(Either::right);
            default -> verify(type, client, params).map(Either::right);
        };
    }

    private static Either<OAuthError, Map<String, Object>> loginReply(LoginOutcome outcome) {
        return outcome instanceof LoginOutcome.Tokens tokens
                ? Either.right(ApiBodies.tokens(tokens.tokens()))
                : Either.left(OAuthErrors.mfaRequired((LoginOutcome.SecondFactorRequired) outcome));
    }

    private Either<MfaError, Map<String, Object>> verify(GrantType type, ClientCredentials client, RequestParams params) {
        return switch (type) {
            case PASSWORD, PASSWORD_REALM, CLIENT_CREDENTIALS, REFRESH_TOKEN ->
                    throw new IllegalArgumentException("not a second-factor grant: " + type);
            case MFA_OTP -> params.requiredString("mfa_token").flatMap(mfaToken ->
                    params.requiredString("otp").flatMap(otp ->
                            verifyOtp.verify(new VerifyOtpCommand(client, mfaToken, otp))))
                    .map(ApiBodies::tokens);
            case MFA_OOB -> params.requiredString("mfa_token").flatMap(mfaToken ->
                    params.requiredString("oob_code").flatMap(oobCode ->
                            params.optionalString("binding_code").flatMap(binding ->
                                    verifyOob.verify(new VerifyOobCommand(client, mfaToken, oobCode, binding)))))
                    .map(ApiBodies::tokens);
            case MFA_RECOVERY_CODE -> params.requiredString("mfa_token").flatMap(mfaToken ->
                    params.requiredString("recovery_code").flatMap(code ->
                            verifyRecoveryCode.verify(new VerifyRecoveryCodeCommand(client, mfaToken, code))))
                    .map(ApiBodies::recoveryTokens);
        };
    }

    /** {@code client_credentials}: the answer always carries {@code scope}, space-separated (empty if none was granted). */
    private Either<MfaError, Either<OAuthError, Map<String, Object>>> machine(ClientCredentials client,
                                                                             RequestParams params) {
        if (machineLogin.isEmpty()) {
            return Either.right(Either.left(OAuthErrors.unsupportedGrantType(GrantType.CLIENT_CREDENTIALS.wireName())));
        }
        return params.optionalString("audience").flatMap(audience ->
                params.optionalString("scope").flatMap(scope ->
                        machineLogin.get().login(new MachineLoginCommand(client, audience,
                                Scope.parse(scope.getOrNull())))))
                .map(tokens -> {
                    Map<String, Object> body = ApiBodies.tokens(tokens);
                    body.putIfAbsent("scope", "");
                    return Either.right(body);
                });
    }

    /** {@code refresh_token}, and optionally a narrower {@code scope}. */
    private Either<MfaError, Map<String, Object>> refresh(ClientCredentials client, RequestParams params) {
        return params.requiredString("refresh_token").flatMap(token ->
                params.optionalString("scope").flatMap(scope ->
                        renewTokens.renew(new RenewTokensCommand(client, token,
                                scope.filter(s -> !s.isBlank()).map(Scope::parse)))))
                .map(ApiBodies::tokens);
    }

    private Either<MfaError, LoginOutcome> password(GrantType type, ClientCredentials client,
                                                           RequestParams params, RequestOrigin origin) {
        Either<MfaError, Option<String>> realm = type == GrantType.PASSWORD_REALM
                ? params.requiredString("realm").map(Option::some)
                : params.optionalString("realm");
        return params.requiredString("username").flatMap(username ->
                params.requiredString("password").flatMap(password ->
                        realm.flatMap(givenRealm ->
                                params.optionalString("audience").flatMap(audience ->
                                        params.optionalString("scope").flatMap(scope ->
                                                passwordLogin.login(new PasswordLoginCommand(client, type, givenRealm,
                                                        username, password, audience,
                                                        Scope.parse(scope.getOrNull()), origin.clientIp(),
                                                        origin.forwardedFor())))))));
    }
}
