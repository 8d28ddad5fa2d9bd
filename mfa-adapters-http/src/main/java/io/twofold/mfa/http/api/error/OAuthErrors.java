package io.twofold.mfa.http.api.error;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.port.in.LoginOutcome;
import io.vavr.collection.List;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where an outcome becomes a status, an OAuth {@code error} and an
 * {@code error_description}. Strings marked exact are compared byte for byte by Auth0's SDKs
 * (spec 13.1.6): keep their trailing periods, and their missing ones.
 */
public final class OAuthErrors {
    /** What a 503 suggests: the pool gives up on a connection after 3 s, a restarted database is back in seconds. */
    private static final String RETRY_AFTER_SECONDS = "5";

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private OAuthErrors() {
    }

    /** Maps a use-case outcome; {@code basicAuthUsed} adds the Basic challenge to {@code invalid_client}. */
    public static OAuthError map(MfaError error, boolean basicAuthUsed) {
        OAuthError mapped = map(error);
        if (basicAuthUsed && error instanceof MfaError.InvalidClient) {
            return mapped.withHeader(WWW_AUTHENTICATE, "Basic realm=\"twofold\", charset=\"UTF-8\"");
        }
        return mapped;
    }

    public static OAuthError map(MfaError error) {
        if (error instanceof MfaError.InvalidRequest e) {
            return invalidRequest(e.description());
        } else if (error instanceof MfaError.InvalidClient) {
            return OAuthError.of(401, "invalid_client", "Client authentication failed.");
        } else if (error instanceof MfaError.UnauthorizedClient e) {
            return OAuthError.of(403, "unauthorized_client",
                    "Grant type `" + e.grantType() + "` not allowed for the client.");
        } else if (error instanceof MfaError.WrongCredentials) {
            return OAuthError.of(403, "invalid_grant", "Wrong email or password."); // exact
        } else if (error instanceof MfaError.UserBlocked) {
            return OAuthError.of(401, "unauthorized", "user is blocked"); // Auth0's words (spec 3.6)
        } else if (error instanceof MfaError.MalformedMfaToken) {
            return OAuthError.of(403, "invalid_grant", "Malformed mfa_token"); // exact
        } else if (error instanceof MfaError.ExpiredMfaToken) {
            return OAuthError.of(401, "expired_token", "mfa_token is expired"); // exact
        } else if (error instanceof MfaError.InvalidOtp) {
            return OAuthError.of(403, "invalid_grant", "Invalid otp_code."); // exact
        } else if (error instanceof MfaError.InvalidBindingCode) {
            return OAuthError.of(403, "invalid_grant", "Invalid binding_code."); // exact
        } else if (error instanceof MfaError.MalformedOobCode) {
            return OAuthError.of(403, "invalid_grant", "Malformed oob_code");
        } else if (error instanceof MfaError.ExpiredOobCode) {
            return OAuthError.of(401, "expired_token", "oob_code is expired");
        } else if (error instanceof MfaError.InvalidRecoveryCode) {
            return OAuthError.of(403, "invalid_grant", "Invalid recovery_code.");
        } else if (error instanceof MfaError.InvalidRefreshToken) {
            return OAuthError.of(403, "invalid_grant", "Unknown or invalid refresh token."); // exact
        } else if (error instanceof MfaError.UserBlockedOnRefresh) {
            return OAuthError.of(403, "invalid_grant", "user is blocked"); // exact (management spec 3.6)
        } else if (error instanceof MfaError.InvalidScope) {
            // RFC 6749 5.2's status; Auth0's own for a wider refresh scope is unconfirmed.
            return OAuthError.of(400, "invalid_scope",
                    "The requested scope is invalid, unknown, or exceeds the scope granted by the resource owner.");
        }
        return mapEnrollmentAndAccess(error);
    }

    private static String tooManySends(MfaError.TooManySends.Limit limit) {
        return switch (limit) {
            case USER -> "Too many codes were sent to this user. Wait before asking for another one.";
            case DESTINATION ->
                    "Too many codes were sent to this phone number or email address. Wait before asking for another one.";
            case END_USER_IP -> "Too many codes were asked for from this IP address. Wait before asking for another one.";
            case GLOBAL -> "Too many codes are being sent right now. Wait a minute before asking for another one.";
        };
    }

    private static OAuthError mapEnrollmentAndAccess(MfaError error) {
        if (error instanceof MfaError.NotEnrolled) {
            return OAuthError.of(403, "unsupported_challenge_type",
                    "User is not enrolled. You can use /mfa/associate endpoint to enroll the first authenticator.");
        } else if (error instanceof MfaError.NoRecoveryCode) {
            return OAuthError.of(403, "unsupported_challenge_type", "User does not have a recovery-code.");
        } else if (error instanceof MfaError.UnsupportedChallengeType e) {
            return OAuthError.of(400, "unsupported_challenge_type", e.description());
        } else if (error instanceof MfaError.AlreadyEnrolled) {
            return OAuthError.of(403, "access_denied", "User is already enrolled.");
        } else if (error instanceof MfaError.TooManyEnrollments) {
            return OAuthError.of(403, "access_denied", "User has created the maximum amount of authenticators");
        } else if (error instanceof MfaError.TooManyAttempts) {
            return OAuthError.of(429, "too_many_attempts",
                    "Too many failed codes. Wait for some minutes before retrying.");
        } else if (error instanceof MfaError.TooManyLoginAttempts) {
            // exact: Auth0's brute-force block; no rate-limit headers (auth0-java parses them strictly, spec 13.1.7)
            return OAuthError.of(429, "too_many_attempts",
                    "Your account has been blocked after multiple consecutive login attempts.");
        } else if (error instanceof MfaError.TooManySends e) {
            // An abuse block like the attempt limits (the security review's wording); the description names the limit.
            return OAuthError.of(429, "too_many_attempts", tooManySends(e.limit()));
        } else if (error instanceof MfaError.InvalidToken e) {
            return OAuthError.of(401, "invalid_token", e.description())
                    .withHeader(WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else if (error instanceof MfaError.InsufficientScope e) {
            return OAuthError.of(403, "insufficient_scope", "Insufficient scope, expected: " + e.requiredScope())
                    .withHeader(WWW_AUTHENTICATE,
                            "Bearer error=\"insufficient_scope\", scope=\"" + e.requiredScope() + "\"");
        } else if (error instanceof MfaError.AuthenticatorNotFound) {
            return OAuthError.of(404, "not_found", "Authenticator not found");
        } else if (error instanceof MfaError.CannotDelete e) {
            return OAuthError.of(403, "access_denied", e.description());
        } else if (error instanceof MfaError.DeliveryFailed e) {
            return OAuthError.of(502, "bad_gateway", "The " + e.channel() + " message could not be delivered.");
        }
        return mapAudience(error);
    }

    /** Registered APIs and client grants (Auth0's texts, issue 18: auth0/lock#842 and others). */
    private static OAuthError mapAudience(MfaError error) {
        if (error instanceof MfaError.UnknownAudience e) {
            return OAuthError.of(403, "access_denied", "Service not found: " + e.audience());
        } else if (error instanceof MfaError.MissingAudience) {
            return OAuthError.of(403, "access_denied",
                    "No audience parameter was provided, and no default audience has been configured");
        } else if (error instanceof MfaError.NoClientGrant e) {
            return OAuthError.of(403, "access_denied", "Client is not authorized to access \"" + e.audience()
                    + "\". You need to create a \"client-grant\" associated to this API.");
        } else if (error instanceof MfaError.AudienceNotForUsers e) {
            return OAuthError.of(403, "access_denied", "The API \"" + e.audience()
                    + "\" issues tokens to machines only (client_credentials with a client grant), not to user logins.");
        }
        // MfaError is sealed and every record is handled above; reaching here means a new record
        // was added without a mapping, which is a server bug, not a client error.
        return serverError();
    }

    /** A password login that needs a second factor: Auth0's {@code mfa_required} answer (spec 3.2). */
    public static OAuthError mfaRequired(LoginOutcome.SecondFactorRequired e) {
        OAuthError required = OAuthError.of(403, "mfa_required", "Multifactor authentication required")
                .withMember("mfa_token", e.mfaToken());
        Map<String, Object> requirements = new LinkedHashMap<>();
        putTypes(requirements, "challenge", e.challengeTypes());
        putTypes(requirements, "enroll", e.enrollTypes());
        return requirements.isEmpty() ? required : required.withMember("mfa_requirements", requirements);
    }

    private static void putTypes(Map<String, Object> requirements, String name, List<FactorType> types) {
        if (types != null && !types.isEmpty()) {
            requirements.put(name, types.map(type -> Map.of("type", wireName(type))).toJavaList());
        }
    }

    /** The {@code mfa_requirements} type names (spec 3.2). */
    static String wireName(FactorType type) {
        return switch (type) {
            case OTP -> "otp";
            case PHONE -> "phone";
            case EMAIL -> "email";
            case RECOVERY_CODE -> "recovery-code";
        };
    }

    /** The database cannot be reached right now: 503 with {@code Retry-After}, the OAuth error for "try later". */
    public static OAuthError temporarilyUnavailable() {
        return OAuthError.of(503, "temporarily_unavailable", "The service is temporarily unavailable. Try again shortly.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    public static OAuthError invalidRequest(String description) {
        return OAuthError.of(400, "invalid_request", description);
    }

    public static OAuthError unsupportedGrantType(String grantType) {
        return OAuthError.of(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
    }

    public static OAuthError serverError() {
        return OAuthError.of(500, "server_error", "The server encountered an unexpected error.");
    }

    /** The body for an error the framework raised before any controller ran (no route, bad method, ...). */
    public static OAuthError forStatus(int status) {
        return switch (status) {
            case 400 -> invalidRequest("The request could not be understood.");
            case 401 -> OAuthError.of(401, "invalid_token", "Authentication is required.");
            case 403 -> OAuthError.of(403, "access_denied", "Access denied.");
            case 404 -> OAuthError.of(404, "not_found", "The requested resource was not found.");
            case 405 -> OAuthError.of(405, "method_not_allowed", "The method is not allowed for this resource.");
            case 406 -> OAuthError.of(406, "invalid_request", "The server only produces application/json.");
            case 413 -> OAuthError.of(413, "invalid_request", "The request is too large.");
            case 415 -> OAuthError.of(415, "invalid_request",
                    "The Content-Type must be application/json or application/x-www-form-urlencoded.");
            case 429 -> OAuthError.of(429, "too_many_requests", "Too many requests.");
            case 503 -> OAuthError.of(503, "temporarily_unavailable", "The server is temporarily unavailable.");
            default -> status >= 400 && status < 500
                    ? OAuthError.of(status, "invalid_request", "The request was rejected.")
                    : OAuthError.of(status >= 500 ? status : 500, "server_error",
                            "The server encountered an unexpected error.");
        };
    }
}
