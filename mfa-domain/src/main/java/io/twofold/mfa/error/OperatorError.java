package io.twofold.mfa.error;

/**
 * Every outcome other than success that an operator use case (the Management API side) can report,
 * one record each. The HTTP edge maps each record to Auth0's {@code statusCode}, {@code error},
 * {@code message} and {@code errorCode} once, in one place ({@code ManagementErrors}).
 */
public sealed interface OperatorError {

    /** Input that the use case refuses: a missing or malformed field, an unknown value. */
    record InvalidInput(String message) implements OperatorError {
    }

    /** No user with this id. */
    record UnknownUser() implements OperatorError {
    }

    /** The user has no authentication method (enrolled factor) with this id. */
    record UnknownAuthenticationMethod() implements OperatorError {
    }

    /** No legacy Guardian enrollment (a factor's bare {@code dev_} id) with this id. */
    record UnknownEnrollment() implements OperatorError {
    }

    /** No client with this id. */
    record UnknownClient() implements OperatorError {
    }

    /** The client has no credential (public key) with this id. */
    record UnknownClientCredential() implements OperatorError {
    }

    /** No client grant with this id. */
    record UnknownClientGrant() implements OperatorError {
    }

    /** No resource server (API) with this id or identifier. */
    record UnknownResourceServer() implements OperatorError {
    }

    /** No log event with this id. */
    record UnknownLogEvent() implements OperatorError {
    }

    /** No Guardian factor with this name. */
    record UnknownFactor(String name) implements OperatorError {
    }

    /** A Guardian factor that Twofold cannot serve (push, Duo, WebAuthn): it can only be off. */
    record UnservedFactor(String name) implements OperatorError {
    }

    /** An MFA policy that Twofold does not offer ({@code confidence-score}) or does not know. */
    record UnsupportedMfaPolicy(String name) implements OperatorError {
    }

    /** The client already has a grant for this audience. */
    record ClientGrantExists() implements OperatorError {
    }

    /** A resource server with this identifier exists already. */
    record ResourceServerExists() implements OperatorError {
    }

    /** The resource server is built in (the Management API, the MFA API) and cannot be changed or deleted. */
    record SystemResourceServer() implements OperatorError {
    }

    /** Another user of the connection already has this id, username or email. */
    record UserAlreadyExists() implements OperatorError {
    }

    /** No connection (realm) of that name. */
    record UnknownConnection() implements OperatorError {
    }

    /** The password fails the password policy; {@code reason} says how, without the password. */
    record WeakPassword(String reason) implements OperatorError {
    }
}
