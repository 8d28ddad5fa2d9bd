package io.twofold.mfa.model;

import io.vavr.control.Option;

/**
 * How a pending authenticator was begun, which decides what may confirm it. One begun with an
 * {@code mfa_token} is confirmed only through that same login ({@code transaction}): a password
 * alone must not plant a factor that another login, the real user's, later finds and confirms. One
 * begun with an MFA API access token (its holder passed a second factor) is confirmed through any
 * login of the same user. A recovery code handed out with an enrollment names the factor it came
 * with ({@code companionOf}) and becomes active only together with that factor.
 */
public record Enrollment(Option<TransactionId> transaction, Option<AuthenticatorId> companionOf) {

    /** Begun with the {@code mfa_token} of this login. */
    public static Enrollment throughLogin(TransactionId transaction) {
        return new Enrollment(Option.some(transaction), Option.none());
    }

    /** Begun with an MFA API access token. */
    public static Enrollment throughAccessToken() {
        return new Enrollment(Option.none(), Option.none());
    }

    /** The same enrollment, for the recovery code that comes with {@code factor}. */
    public Enrollment companionOf(AuthenticatorId factor) {
        return new Enrollment(transaction, Option.some(factor));
    }

    /** Whether a login's grant may confirm it: the login that began it, or any, for an access token's. */
    public boolean confirmableThrough(TransactionId login) {
        return transaction.forAll(login::equals);
    }
}
