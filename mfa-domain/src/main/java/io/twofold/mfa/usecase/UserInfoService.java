package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.port.in.UserClaims;
import io.twofold.mfa.port.in.UserInfo;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * UserInfo: the claims of the user behind an access token with {@code openid}, per the token's scope.
 * With the operator side's {@code accounts}, from the user's whole profile (Auth0's claims); without
 * (a host with only its own directory), from the username and email.
 */
record UserInfoService(TokenIssuer tokens, UserDirectory users, Option<UserAccounts> accounts) implements UserInfo {
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
                .flatMap(claims -> accounts
                        .map(store -> store.find(claims.subject()).map(profile -> claims(claims, profile)))
                        .getOrElse(() -> users.findById(claims.subject()).map(user -> claims(claims, user)))
                        .<MfaError>toEither(() -> new MfaError.InvalidToken(UNKNOWN_USER)));
    }

    private static UserClaims claims(AccessTokenClaims token, User user) {
        Option<String> username = token.scope().contains("profile") ? Option.some(user.username()) : Option.none();
        Option<String> email = token.scope().contains("email") ? user.email().map(EmailAddress::value) : Option.none();
        return UserClaims.of(user.id(), username, email);
    }

    private static UserClaims claims(AccessTokenClaims token, UserProfile user) {
        boolean profile = token.scope().contains("profile");
        boolean email = token.scope().contains("email") && user.email().isDefined();
        return new UserClaims(user.id(),
                profile ? Option.some(user.displayName()) : Option.none(),
                profile ? Option.some(user.displayNickname()) : Option.none(),
                profile ? user.names().givenName() : Option.none(),
                profile ? user.names().familyName() : Option.none(),
                profile ? user.picture() : Option.none(),
                profile ? Option.some(user.updatedAt()) : Option.none(),
                email ? user.email().map(EmailAddress::value) : Option.none(),
                email ? Option.some(user.emailVerified()) : Option.none());
    }
}
