package io.twofold.mfa.error;

import io.vavr.collection.List;

/**
 * Every outcome other than success that the API can report, one record each. The HTTP edge maps
 * each record to the wire's {@code error}, {@code error_description} and status once, in one place.
 */
public sealed interface MfaError {

    /** The request lacks a parameter, or one has the wrong shape. */
    record InvalidRequest(String description) implements MfaError {
    }

    /** Client authentication failed: unknown client, or a missing or wrong secret. */
    record InvalidClient() implements MfaError {
    }

    /** The client may not use this grant type. */
    record UnauthorizedClient(String grantType) implements MfaError {
    }

    /** Unknown user or wrong password; the two are indistinguishable on purpose. */
    record WrongCredentials() implements MfaError {
    }

    /**
     * The refresh token is unknown, expired, revoked, retired by a rotation (then its family is revoked
     * too), or belongs to another client: one answer for all, as Auth0 gives.
     */
    record InvalidRefreshToken() implements MfaError {
    }

    /** A refresh asked for a scope the login it came from did not grant. */
    record InvalidScope() implements MfaError {
    }

    /** A refresh for a user an operator has blocked (the password grant answers a blocked user differently). */
    record UserBlockedOnRefresh() implements MfaError {
    }

    /**
     * The password was right but an operator blocked the user. Only ever answered after a correct
     * password, so it tells a guesser nothing that a wrong password would not (invariant 8).
     */
    record UserBlocked() implements MfaError {
    }

    /** The {@code mfa_token} is unknown, used up, or belongs to another client. */
    record MalformedMfaToken() implements MfaError {
    }

    /** The {@code mfa_token} has expired. */
    record ExpiredMfaToken() implements MfaError {
    }

    /** The OTP code is wrong, or was already used. */
    record InvalidOtp() implements MfaError {
    }

    /** The binding code does not match the {@code oob_code}. */
    record InvalidBindingCode() implements MfaError {
    }

    /** The {@code oob_code} is unknown, used up, or belongs to another user. */
    record MalformedOobCode() implements MfaError {
    }

    /** The {@code oob_code} has expired. */
    record ExpiredOobCode() implements MfaError {
    }

    /** The recovery code is wrong or already used. */
    record InvalidRecoveryCode() implements MfaError {
    }

    /** The user has no active factor that could answer; they must enroll first. */
    record NotEnrolled() implements MfaError {
    }

    /** The user has no active recovery code. */
    record NoRecoveryCode() implements MfaError {
    }

    /** None of the challenge types the client supports matches an active factor of the user. */
    record UnsupportedChallengeType(String description) implements MfaError {
    }

    /** An {@code mfa_token} may enroll only while the user has no active factor. */
    record AlreadyEnrolled() implements MfaError {
    }

    /** The user started too many enrollments that were never confirmed. */
    record TooManyEnrollments() implements MfaError {
    }

    /** Too many wrong codes: for this transaction, this challenge, or this user. */
    record TooManyAttempts() implements MfaError {
    }

    /**
     * Too many wrong passwords in a row for this username from this end-user IP (brute-force
     * protection of the first factor); unknown usernames are blocked alike.
     */
    record TooManyLoginAttempts() implements MfaError {
    }

    /** A send limit refused the code, which was not sent; {@code limit} says which one. */
    record TooManySends(Limit limit) implements MfaError {
        /** The send limits: a user's enrollments, one phone number or email address, one end-user IP, all sends. */
        public enum Limit { USER, DESTINATION, END_USER_IP, GLOBAL }
    }

    /** The bearer token is missing, malformed, expired, or not for the MFA API. */
    record InvalidToken(String description) implements MfaError {
    }

    /** The access token is valid but lacks the scope the call needs. */
    record InsufficientScope(String requiredScope) implements MfaError {
    }

    /** No authenticator with that id belongs to the user. */
    record AuthenticatorNotFound() implements MfaError {
    }

    /** The authenticator exists but may not be deleted through this API. */
    record CannotDelete(String description) implements MfaError {
    }

    /** The code could not be delivered; no usable challenge was left behind. */
    record DeliveryFailed(String channel) implements MfaError {
    }

    /** The token request names an audience that is not a registered API. */
    record UnknownAudience(String audience) implements MfaError {
    }

    /** A machine token request named no audience, and there is no default one. */
    record MissingAudience() implements MfaError {
    }

    /** The client has no client grant for the API it asks a machine token for. */
    record NoClientGrant(String audience) implements MfaError {
    }

    /** A user login asked for an API that only machine tokens may reach (the Management API). */
    record AudienceNotForUsers(String audience) implements MfaError {
    }
}
