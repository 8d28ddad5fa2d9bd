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
        if (error instanceof OperatorError.UnknownClientCredential) {
            return ManagementError.notFound("The credential does not exist", "inexistent_client_credential");
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
        if (error instanceof OperatorError.UnknownFactor) {
            return ManagementError.notFound("The factor does not exist", "inexistent_factor");
        }
        if (error instanceof OperatorError.UnservedFactor unserved) {
            return ManagementError.badRequest("Twofold cannot serve the factor " + unserved.name()
                    + "; it can only be disabled.");
        }
        if (error instanceof OperatorError.UnsupportedMfaPolicy policy) {
            return ManagementError.badRequest("Twofold does not support the MFA policy " + policy.name()
                    + "; use [] or [\"all-applications\"].");
        }
        if (error instanceof OperatorError.ClientGrantExists) {
            return ManagementError.conflict("A client grant for this client and audience already exists.",
                    "client_grant_conflict");
        }
        if (error instanceof OperatorError.ResourceServerExists) {
            return ManagementError.conflict("A resource server with the same identifier already exists",
                    "resource_server_conflict");
        }
        if (error instanceof OperatorError.SystemResourceServer) {
            return ManagementError.forbidden("The built-in APIs (the Management API, the MFA API) cannot be changed"
                    + " or deleted", "operation_not_supported");
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
