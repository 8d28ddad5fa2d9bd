package io.twofold.mfa.http.management.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.http.assertion.PublicKeyCredentials;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.port.in.operator.ClientKeyAdministration.NewClientKey;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Auth0's client credential bodies ({@code POST /api/v2/clients/{id}/credentials}): {@code credential_type}
 * {@code public_key}, {@code name}, {@code pem} (a public key or a certificate), {@code alg} (RS256,
 * RS384, PS256; ES256 too), {@code expires_at} or {@code parse_expiry_from_cert}; and the
 * {@code client_authentication_methods} member of a client PATCH, which names credentials by id.
 */
final class CredentialBodies {

    private CredentialBodies() {
    }

    static Either<ManagementError, NewClientKey> newKey(ObjectNode body) {
        return BodyReader.read(body, reader -> {
            String type = reader.requiredText("credential_type", 32);
            if (!type.equals("public_key")) {
                throw BodyReader.invalid("credential_type", "Only public_key credentials are supported");
            }
            PublicKeyCredentials.Admitted key = PublicKeyCredentials.fromPem(reader.requiredText("pem", 8000),
                            reader.text("alg", 16))
                    .getOrElseThrow(reason -> BodyReader.invalid("pem", reason));
            boolean fromCertificate = body.path("parse_expiry_from_cert").asBoolean(false);
            Option<Instant> expiresAt = reader.text("expires_at", 64).map(text -> {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw BodyReader.invalid("expires_at", "Expected an ISO 8601 date-time");
                }
            });
            if (fromCertificate && expiresAt.isDefined()) {
                throw BodyReader.refuse("Payload validation error: 'expires_at and parse_expiry_from_cert exclude each other'.");
            }
            return new NewClientKey(reader.text("name", 128).getOrElse(key.kid()), key.pem(), key.kid(),
                    key.algorithm(), fromCertificate ? key.certificateExpiry() : expiresAt);
        });
    }

    /** The credential ids a PATCH's {@code client_authentication_methods.private_key_jwt.credentials} names. */
    static Either<ManagementError, List<String>> privateKeyJwtIds(JsonNode methods) {
        JsonNode credentials = methods.path("private_key_jwt").path("credentials");
        if (!methods.isObject() || !credentials.isArray() || credentials.isEmpty()) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'client_authentication_methods"
                    + " must be {\"private_key_jwt\": {\"credentials\": [{\"id\": \"cred_...\"}]}}; to leave it, PATCH"
                    + " token_endpoint_auth_method instead'."));
        }
        List<String> ids = List.ofAll(credentials).map(entry -> entry.path("id").asText(""));
        return ids.exists(String::isEmpty)
                ? Either.left(ManagementError.badRequest("Payload validation error: 'each credential needs its id'."))
                : Either.right(ids);
    }

    static Map<String, Object> render(ClientPublicKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key.id());
        body.put("name", key.name());
        body.put("kid", key.kid());
        body.put("alg", key.algorithm().name());
        body.put("credential_type", "public_key");
        body.put("created_at", key.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("updated_at", key.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
        key.expiresAt().forEach(at -> body.put("expires_at", at.truncatedTo(ChronoUnit.MILLIS).toString()));
        return body;
    }
}
