package io.twofold.mfa.http.management;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the Management API other than success, in Auth0's shape (spec 1.6):
 * {@code {"statusCode", "error" (the reason phrase), "message", "errorCode"}}, the code left out
 * where Auth0 leaves it out. Messages never quote a token, a secret or a password.
 */
public record ManagementError(int status, String message, Option<String> errorCode) {

    public static ManagementError badRequest(String message) {
        return new ManagementError(400, message, Option.some("invalid_body"));
    }

    public static ManagementError invalidQuery(String message) {
        return new ManagementError(400, message, Option.some("invalid_query_string"));
    }

    public static ManagementError unauthorized(String message) {
        return new ManagementError(401, message, Option.none());
    }

    /** Auth0's exact 403: {@code Insufficient scope, expected any of: a, b}. */
    public static ManagementError insufficientScope(String... anyOf) {
        return new ManagementError(403, "Insufficient scope, expected any of: " + List.of(anyOf).mkString(", "),
                Option.some("insufficient_scope"));
    }

    public static ManagementError forbidden(String message, String errorCode) {
        return new ManagementError(403, message, Option.some(errorCode));
    }

    public static ManagementError notFound(String message, String errorCode) {
        return new ManagementError(404, message, Option.some(errorCode));
    }

    public static ManagementError conflict(String message, String errorCode) {
        return new ManagementError(409, message, Option.some(errorCode));
    }

    /** For a framework-made status (no route, wrong method, body too large...): its reason phrase as the message. */
    public static ManagementError forStatus(int status) {
        return new ManagementError(status, reason(status), Option.none());
    }

    public static ManagementError tooManyRequests() {
        return new ManagementError(429, "Global limit has been reached", Option.some("too_many_requests"));
    }

    public static ManagementError unavailable() {
        return new ManagementError(503, "The service is temporarily unavailable; try again shortly.",
                Option.some("temporarily_unavailable"));
    }

    public static ManagementError internal() {
        return new ManagementError(500, "Internal error", Option.none());
    }

    /** The JSON body; a 401 also carries {@code attributes.error}, as Auth0's does. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("error", reason(status));
        body.put("message", message);
        errorCode.forEach(code -> body.put("errorCode", code));
        if (status == 401) {
            body.put("attributes", Map.of("error", message));
        }
        return body;
    }

    public MutableHttpResponse<byte[]> toResponse() {
        MutableHttpResponse<byte[]> response = ManagementJson.json(status, body());
        if (status == 503) {
            response.header("Retry-After", "5");
        }
        return response;
    }

    private static String reason(int status) {
        try {
            return HttpStatus.valueOf(status).getReason();
        } catch (IllegalArgumentException e) {
            return "Error";
        }
    }
}
