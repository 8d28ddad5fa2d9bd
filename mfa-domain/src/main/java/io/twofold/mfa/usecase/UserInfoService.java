package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.User;
import io.twofold.mfa.port.in.UserClaims;
import io.twofold.mfa.port.in.UserInfo;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** UserInfo: the claims of the user behind an access token with {@code openid}, per the token's scope. */
record UserInfoService(TokenIssuer tokens, UserDirectory users) implements UserInfo {
    static final String OPENID_REQUIRED = "The access token was not issued with the openid scope.";
    static final String UNKNOWN_USER = "The user no longer exists.";

    @Override
    public Either<MfaError, UserClaims> userInfo(String bearer) {
        if (bearer == null || bearer.isBlank()) {
            return Either.left(new MfaError.InvalidToken("A bearer token is required."));
        }
        return tokens.verifyAccessToken(bearer)
                .<MfaError>mapLeft(MfaError.InvalidToken::new)
                .filterOrElse(claims -> claims.scope().contains("openid"), claims -> new MfaError.InvalidToken(OPENID_REQUIRED))
                .flatMap(claims -> users.findById(claims.subject())
                        .map(user -> claims(claims, user))
                        .<MfaError>toEither(() -> new MfaError.InvalidToken(UNKNOWN_USER)));
    }

    private static UserClaims claims(AccessTokenClaims token, User user) {
        boolean profile = token.scope().contains("profile");
        Option<String> username = profile ? Option.some(user.username()) : Option.none();
        Option<String> email = token.scope().contains("email") ? user.email().map(EmailAddress::value) : Option.none();
        return new UserClaims(user.id(), username, username, email);
    }
}
