package io.twofold.mfa.http.management;

import io.twofold.mfa.error.OperatorError;
import io.vavr.control.Option;

/** The one place where each {@link OperatorError} becomes the Management API's status, message and code. */
public final class ManagementErrors {

    private ManagementErrors() {
    }

    public static ManagementError map(OperatorError error) {
        if (error instanceof OperatorError.InvalidInput invalid) {
            return ManagementError.badRequest(invalid.message());
        }
        if (error instanceof OperatorError.UnknownUser) {
            return ManagementError.notFound("The user does not exist.", "inexistent_user");
        }
        if (error instanceof OperatorError.UnknownAuthenticationMethod) {
            return ManagementError.notFound("Authentication method not found", "inexistent_authentication_method");
        }
        if (error instanceof OperatorError.UnknownEnrollment) {
            return ManagementError.notFound("Enrollment not found", "enrollment_not_found");
        }
        if (error instanceof OperatorError.UnknownClient) {
            return ManagementError.notFound("The client does not exist", "inexistent_client");
        }
        if (error instanceof OperatorError.UnknownClientGrant) {
            return ManagementError.notFound("The grant does not exist.", "inexistent_client_grant");
        }
        if (error instanceof OperatorError.UnknownResourceServer) {
            return ManagementError.notFound("The resource server does not exist", "inexistent_resource_server");
        }
        if (error instanceof OperatorError.UnknownLogEvent) {
            return ManagementError.notFound("The log event does not exist", "inexistent_log");
        }
        if (error instanceof OperatorError.UserAlreadyExists) {
            return ManagementError.conflict("The user already exists.", "auth0_idp_error"); // Auth0's, unconfirmed (spec 1.6)
        }
        if (error instanceof OperatorError.UnknownConnection) {
            return new ManagementError(400, "The connection does not exist.", Option.some("inexistent_connection"));
        }
        if (error instanceof OperatorError.WeakPassword) {
            // Auth0's text; the reason stays out of the answer, as Auth0 gives none either.
            return ManagementError.badRequest("PasswordStrengthError: Password is too weak");
        }
        throw new IllegalArgumentException("no Management API answer for " + error.getClass().getSimpleName());
    }
}
