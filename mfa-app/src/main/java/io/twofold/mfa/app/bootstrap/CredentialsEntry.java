package io.twofold.mfa.app.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.http.assertion.PublicKeyCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.SecretHash;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * A client entry's {@code client_authentication_methods}, in Auth0's shape with the credentials inline
 * (as Auth0's create-client body takes them): {@code {"private_key_jwt": {"credentials": [{"name",
 * "credential_type": "public_key", "pem" or "jwk", "alg", "expires_at"}]}}}. A credential's id is
 * derived from the client and the key's thumbprint, so every node and every start derive the same.
 */
final class CredentialsEntry {
    /** Auth0 allows two credentials per client; a few more leave room for a rotation. */
    static final int MAX_KEYS = 5;
    private static final Set<String> METHODS = Set.of("private_key_jwt");
    private static final Set<String> PRIVATE_KEY_JWT = Set.of("credentials");
    private static final Set<String> CREDENTIAL = Set.of("name", "credential_type", "pem", "jwk", "alg", "expires_at");

    private CredentialsEntry() {
    }

    /** The client's public keys, none when the entry has no {@code client_authentication_methods}. */
    static List<ClientPublicKey> read(Option<JsonNode> node, String where, ClientId client, Instant now) {
        if (node.isEmpty()) {
            return List.empty();
        }
        Members methods = Members.of(node.get(), where, METHODS);
        JsonNode method = methods.optionalObject("private_key_jwt")
                .getOrElseThrow(() -> Members.fail(where + " must have private_key_jwt, the only method it configures"));
        Members privateKeyJwt = Members.of(method, methods.path("private_key_jwt"), PRIVATE_KEY_JWT);
        JsonNode credentials = privateKeyJwt.optionalArray("credentials")
                .filter(array -> array.size() > 0 && array.size() <= MAX_KEYS)
                .getOrElseThrow(() -> Members.fail(privateKeyJwt.path("credentials") + " must list 1 to " + MAX_KEYS
                        + " credentials"));
        List<ClientPublicKey> keys = List.ofAll(credentials).zipWithIndex().map(entry -> credential(entry._1,
                privateKeyJwt.path("credentials") + "[" + entry._2 + "]", client, now));
        if (keys.map(ClientPublicKey::kid).distinct().size() != keys.size()) {
            throw Members.fail(privateKeyJwt.path("credentials") + " lists the same key twice");
        }
        return keys;
    }

    private static ClientPublicKey credential(JsonNode node, String where, ClientId client, Instant now) {
        Members members = Members.of(node, where, CREDENTIAL);
        members.optionalText("credential_type", 1, 32).filter(type -> !type.equals("public_key")).forEach(type -> {
            throw Members.fail(members.path("credential_type") + " must be public_key");
        });
        Option<String> alg = members.optionalText("alg", 1, 16);
        Option<String> pem = members.optionalText("pem", 1, 8000);
        Option<JsonNode> jwk = members.optionalObject("jwk");
        if (pem.isDefined() == jwk.isDefined()) {
            throw Members.fail(where + " must have either pem or jwk");
        }
        PublicKeyCredentials.Admitted key = (pem.isDefined()
                ? PublicKeyCredentials.fromPem(pem.get(), alg)
                : PublicKeyCredentials.fromJwk(jwk.get().toString(), alg))
                .getOrElseThrow(reason -> Members.fail(where + ": " + reason));
        Option<Instant> expiresAt = members.optionalText("expires_at", 1, 64).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw Members.fail(members.path("expires_at") + " must be an ISO 8601 instant, like 2027-01-31T00:00:00Z");
            }
        }).orElse(key.certificateExpiry());
        String name = members.optionalText("name", 1, 200).getOrElse(key.kid());
        String id = "cred_" + SecretHash.of("twofold bootstrap credential\u0000" + client.value() + "\u0000" + key.kid())
                .hex().substring(0, 22);
        return new ClientPublicKey(id, client, name, key.kid(), key.algorithm(), key.pem(), now, expiresAt);
    }
}
