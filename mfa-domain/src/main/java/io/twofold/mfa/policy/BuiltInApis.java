package io.twofold.mfa.policy;

import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.SigningAlgorithm;
import io.vavr.collection.List;

import java.time.Duration;

/** The APIs every Twofold has: the Management API and the MFA API, at the audiences the token issuer names. */
public final class BuiltInApis {
    /** Auth0's default lifetime of a Management API token. */
    public static final Duration MANAGEMENT_TOKEN_LIFETIME = Duration.ofSeconds(86_400);
    /** The MFA API's access tokens live 600 s (MFA spec 1.1). */
    public static final Duration MFA_TOKEN_LIFETIME = Duration.ofSeconds(600);

    /** The Management API's permissions: those of the endpoints Twofold serves (spec 5.3), and the resource servers'. */
    public static final List<String> MANAGEMENT_SCOPES = List.of(
            "read:users", "create:users", "update:users", "delete:users", "update:users_app_metadata",
            "read:authentication_methods", "read:authentication_methods_pii", "create:authentication_methods",
            "update:authentication_methods", "delete:authentication_methods",
            "read:guardian_enrollments", "delete:guardian_enrollments", "create:guardian_enrollment_tickets",
            "read:guardian_factors", "update:guardian_factors", "read:mfa_policies", "update:mfa_policies",
            "read:clients", "create:clients", "update:clients", "delete:clients", "read:client_keys", "update:client_keys",
            "read:client_credentials", "create:client_credentials", "update:client_credentials",
            "delete:client_credentials",
            "read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants",
            "read:resource_servers", "create:resource_servers", "update:resource_servers", "delete:resource_servers",
            "read:logs", "read:logs_users");

    public static final List<String> MFA_SCOPES = List.of("enroll", "read:authenticators", "remove:authenticators");

    private BuiltInApis() {
    }

    public static ResourceServer management(String audience) {
        return management(audience, MANAGEMENT_TOKEN_LIFETIME);
    }

    /** The Management API with the lifetime the deployment configured for its tokens. */
    public static ResourceServer management(String audience, Duration tokenLifetime) {
        return new ResourceServer(idOf(audience), audience, "Twofold Management API",
                MANAGEMENT_SCOPES.map(scope -> new ApiScope(scope, describe(scope))), tokenLifetime,
                false, SigningAlgorithm.RS256, true);
    }

    public static ResourceServer mfa(String audience) {
        return new ResourceServer(idOf(audience), audience, "Twofold MFA API",
                List.of(new ApiScope("enroll", "Enroll authenticators"),
                        new ApiScope("read:authenticators", "List authenticators"),
                        new ApiScope("remove:authenticators", "Delete authenticators")),
                MFA_TOKEN_LIFETIME, false, SigningAlgorithm.RS256, true);
    }

    /** A stable id for a built-in API: 24 hex characters, like Auth0's resource server ids, the same on every node. */
    private static String idOf(String audience) {
        return SecretHash.of("twofold built-in api " + audience).hex().substring(0, 24);
    }

    /** "read:client_keys" reads "Read client keys". */
    private static String describe(String scope) {
        String[] parts = scope.split(":", 2);
        String verb = parts[0].substring(0, 1).toUpperCase(java.util.Locale.ROOT) + parts[0].substring(1);
        return verb + " " + parts[1].replace('_', ' ');
    }
}
