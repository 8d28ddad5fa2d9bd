package io.twofold.mfa.http.management.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.in.operator.ClientChanges;
import io.twofold.mfa.port.in.operator.ClientDraft;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's JSON both ways (spec 5.1). Members Twofold does not use are kept verbatim and shown
 * again (SDKs round-trip whole client objects); a few that only the server may set are ignored.
 */
final class ClientBodies {
    /** Members Twofold reads. */
    static final java.util.Set<String> KNOWN = java.util.Set.of("name", "description", "app_type",
            "token_endpoint_auth_method", "grant_types", "client_metadata", "mfa_policy", "client_secret",
            "client_authentication_methods", "refresh_token");
    /** Members only the server sets: accepted (a round-tripped object carries them) and ignored. */
    static final java.util.Set<String> SERVER_SET = java.util.Set.of("client_id", "tenant", "global", "is_system",
            "signing_keys", "is_first_party", "client_secret_expires_at", "created_at", "updated_at");
    static final int MAX_EXTRA_CHARS = 60_000;
    private static final int MAX_METADATA_KEYS = 10;
    private static final int MAX_METADATA_VALUE = 255;

    private ClientBodies() {
    }

    static Either<ManagementError, ClientDraft> draft(ObjectNode body) {
        if (body.has("client_secret")) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'client_secret cannot be set when"
                    + " a client is created: it is generated; PATCH it with update:client_keys to choose one'."));
        }
        if (body.has("client_authentication_methods")) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'client_authentication_methods"
                    + " cannot be set when a client is created: create it, POST its keys to"
                    + " /api/v2/clients/{id}/credentials, then PATCH client_authentication_methods'."));
        }
        return BodyReader.read(body, reader -> new ClientDraft(reader.requiredText("name", 200),
                reader.text("description", 2000), appType(reader), authMethod(reader), grantTypes(reader),
                mfaPolicy(reader), metadata(reader), extra(body), refreshTokens(reader, RefreshTokenPolicy.DEFAULT)));
    }

    private static Option<RefreshTokenPolicy> refreshTokens(BodyReader reader, RefreshTokenPolicy base) {
        return reader.has("refresh_token") && !reader.isNull("refresh_token")
                ? Option.some(RefreshTokenBody.read(reader.member("refresh_token"), base))
                : Option.none();
    }

    static Either<ManagementError, ClientChanges> changes(ObjectNode body, Option<String> currentExtra) {
        return changes(body, currentExtra, RefreshTokenPolicy.DEFAULT);
    }

    /** As above; a {@code refresh_token} object changes {@code currentRefresh} member by member. */
    static Either<ManagementError, ClientChanges> changes(ObjectNode body, Option<String> currentExtra,
                                                          RefreshTokenPolicy currentRefresh) {
        return BodyReader.read(body, reader -> {
            if (body.has("name")) {
                reader.requiredText("name", 200);
            }
            Option<String> extra = extra(body);
            return new ClientChanges(reader.text("name", 200), reader.text("description", 2000), appType(reader),
                    authMethod(reader), grantTypes(reader), mfaPolicy(reader), metadata(reader),
                    extra.map(added -> merged(currentExtra, added)),
                    reader.text("client_secret", 512), refreshTokens(reader, currentRefresh));
        });
    }

    /** The client as the API shows it; the secret only in the answer that generated or set it. */
    static Map<String, Object> render(ManagedClient managed, Option<String> secret) {
        return render(managed, secret, io.vavr.collection.List.empty());
    }

    /** As above, naming the credentials of a client that uses Private Key JWT. */
    static Map<String, Object> render(ManagedClient managed, Option<String> secret,
                                      io.vavr.collection.List<String> credentialIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("global", false);
        body.put("is_first_party", true);
        body.put("name", managed.client().name());
        managed.profile().description().forEach(description -> body.put("description", description));
        body.put("client_id", managed.id().value());
        secret.forEach(value -> body.put("client_secret", value));
        managed.profile().appType().forEach(type -> body.put("app_type", type));
        if (managed.profile().authMethod() == TokenEndpointAuth.PRIVATE_KEY_JWT) {
            // Auth0's shape: the method is client_authentication_methods, with the credentials' ids.
            body.put("client_authentication_methods", Map.of("private_key_jwt",
                    Map.of("credentials", credentialIds.map(id -> Map.of("id", id)).toJavaList())));
        } else {
            body.put("token_endpoint_auth_method", managed.profile().authMethod().wireName());
        }
        body.put("grant_types", managed.client().grantTypes().toList().map(GrantType::wireName).sorted().toJavaList());
        body.put("client_metadata", managed.profile().metadataJson().map(ClientBodies::tree)
                .getOrElse(() -> ManagementJson.mapper().createObjectNode()));
        body.put("mfa_policy", managed.client().mfaPolicy().wireName());
        body.put("refresh_token", RefreshTokenBody.render(managed.client().refreshTokens()));
        managed.profile().extraJson().map(ClientBodies::tree).forEach(extra ->
                extra.fields().forEachRemaining(field -> body.putIfAbsent(field.getKey(), field.getValue())));
        return body;
    }

    /** Only the members {@code fields} names (or all but those, when {@code include} is false). */
    static Map<String, Object> select(Map<String, Object> body, Option<java.util.Set<String>> fields, boolean include) {
        if (fields.isEmpty()) {
            return body;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (fields.get().contains(name) == include) {
                selected.put(name, value);
            }
        });
        return selected;
    }

    private static Option<String> appType(BodyReader reader) {
        return reader.text("app_type", 64);
    }

    private static Option<TokenEndpointAuth> authMethod(BodyReader reader) {
        return reader.text("token_endpoint_auth_method", 64).map(name -> TokenEndpointAuth.bySecretMethodName(name)
                .getOrElseThrow(() -> BodyReader.invalid("token_endpoint_auth_method",
                        "Must be one of none, client_secret_post, client_secret_basic")));
    }

    /** Auth0 grant types Twofold does not serve (authorization_code...) are dropped; unknown ones refused. */
    private static Option<Set<GrantType>> grantTypes(BodyReader reader) {
        return reader.texts("grant_types", 20, 200).map(names -> {
            List<String> unknown = names.filter(name -> GrantType.byWireOrShortName(name).isEmpty()
                    && !GrantType.UNSERVED_AUTH0.contains(name));
            if (unknown.nonEmpty()) {
                throw BodyReader.invalid("grant_types", "Unknown grant type " + unknown.head() + "; served: "
                        + List.of(GrantType.values()).map(GrantType::wireName).mkString(", "));
            }
            return HashSet.ofAll(names.flatMap(GrantType::byWireOrShortName));
        });
    }

    private static Option<MfaPolicy> mfaPolicy(BodyReader reader) {
        return reader.text("mfa_policy", 20).map(name -> MfaPolicy.byWireName(name)
                .getOrElseThrow(() -> BodyReader.invalid("mfa_policy", "Must be one of always, never, enrolled")));
    }

    /** Auth0's rule: at most 10 keys, string values of at most 255 characters. */
    private static Option<String> metadata(BodyReader reader) {
        return reader.object("client_metadata").map(metadata -> {
            boolean valid = metadata.size() <= MAX_METADATA_KEYS && List.ofAll(metadata::elements)
                    .forAll(value -> value.isTextual() && value.textValue().length() <= MAX_METADATA_VALUE);
            if (!valid) {
                throw BodyReader.invalid("client_metadata",
                        "At most 10 keys with string values of at most 255 characters");
            }
            return metadata.toString();
        });
    }

    /** The members Twofold does not read, as JSON object text; none when there are none. */
    private static Option<String> extra(ObjectNode body) {
        ObjectNode extra = ManagementJson.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!KNOWN.contains(field.getKey()) && !SERVER_SET.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        if (extra.isEmpty()) {
            return Option.none();
        }
        String text = extra.toString();
        if (text.length() > MAX_EXTRA_CHARS) {
            throw BodyReader.refuse("Payload validation error: 'The client's other members are too large'.");
        }
        return Option.some(text);
    }

    /** A PATCH replaces the members it names and keeps the others, as Auth0 does for top-level members. */
    private static String merged(Option<String> current, String added) {
        ObjectNode merged = current.map(ClientBodies::tree).getOrElse(() -> ManagementJson.mapper().createObjectNode());
        merged.setAll(tree(added));
        String text = merged.toString();
        if (text.length() > MAX_EXTRA_CHARS) {
            throw BodyReader.refuse("Payload validation error: 'The client's other members are too large'.");
        }
        return text;
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) ManagementJson.mapper().readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored client member is not a JSON object", e);
        }
    }
}
