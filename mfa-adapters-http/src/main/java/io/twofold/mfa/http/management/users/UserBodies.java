package io.twofold.mfa.http.management.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.UserProfile.Names;
import io.twofold.mfa.port.in.operator.NewUser;
import io.twofold.mfa.port.in.operator.UserChanges;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bodies of {@code POST /users} and {@code PATCH /users/{id}} into the use cases' commands.
 * A property of the wrong type, or one Auth0's API does not have, is a 400 that names the property
 * (never its value: it may be a password). Fields that Auth0 accepts but Twofold has no use for
 * ({@code verify_email}, {@code client_id}...) are accepted and ignored.
 */
final class UserBodies {
    private static final Set<String> PROFILE = HashSet.of("email", "email_verified", "username", "phone_number",
            "phone_verified", "given_name", "family_name", "name", "nickname", "picture", "user_metadata",
            "app_metadata", "blocked", "password", "connection");
    private static final Set<String> IGNORED = HashSet.of("verify_email", "verify_phone_number", "verify_password",
            "client_id");
    private static final Set<String> CREATE_ONLY = HashSet.of("user_id");
    private static final Set<String> METADATA = HashSet.of("user_metadata", "app_metadata");

    private UserBodies() {
    }

    /** A body problem, already in the Management shape. */
    static final class Invalid extends RuntimeException {
        final ManagementError error;

        Invalid(String message) {
            super(message, null, false, false);
            this.error = ManagementError.badRequest("Payload validation error: " + message + ".");
        }
    }

    static NewUser newUser(ObjectNode body) {
        checkNames(body, PROFILE.addAll(IGNORED).addAll(CREATE_ONLY));
        String connection = text(body, "connection").getOrElseThrow(() -> new Invalid("'Missing required property: connection'"));
        return new NewUser(connection, text(body, "user_id"), text(body, "username"), text(body, "email"),
                text(body, "password"), flag(body, "email_verified").getOrElse(false), text(body, "phone_number"),
                flag(body, "phone_verified").getOrElse(false),
                new Names(text(body, "given_name"), text(body, "family_name"), text(body, "name"), text(body, "nickname")),
                text(body, "picture"), metadata(body, "user_metadata").flatMap(m -> m).getOrElse(Metadata.EMPTY),
                metadata(body, "app_metadata").flatMap(m -> m).getOrElse(Metadata.EMPTY),
                flag(body, "blocked").getOrElse(false));
    }

    static UserChanges changes(ObjectNode body) {
        checkNames(body, PROFILE.addAll(IGNORED));
        if (body.isEmpty()) {
            throw new Invalid("'Too few properties defined (0), minimum 1'");
        }
        if (body.has("email") && body.get("email").isNull()) {
            throw new Invalid("'email' cannot be removed");
        }
        return new UserChanges(flag(body, "blocked"), flag(body, "email_verified"), text(body, "email"),
                nullable(body, "username"), nullable(body, "phone_number"), flag(body, "phone_verified"),
                nullable(body, "given_name"), nullable(body, "family_name"), nullable(body, "name"),
                nullable(body, "nickname"), nullable(body, "picture"), metadata(body, "user_metadata"),
                metadata(body, "app_metadata"), text(body, "password"));
    }

    /** Whether the body changes nothing but metadata: what {@code update:users_app_metadata} alone may do. */
    static boolean onlyMetadata(ObjectNode body) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!METADATA.contains(name) && !IGNORED.contains(name) && !name.equals("connection")) {
                return false;
            }
        }
        return true;
    }

    private static void checkNames(ObjectNode body, Set<String> allowed) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new Invalid("'Additional properties not allowed: " + name + "'");
            }
        }
    }

    private static Option<String> text(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isTextual()) {
            throw new Invalid("'Expected type string but found type " + type(node) + "' on property " + name);
        }
        return Option.some(node.textValue());
    }

    /** Absent: none; {@code null}: some(none), the field is unset; a string: some(some). */
    private static Option<Option<String>> nullable(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Option.none();
        }
        return Option.some(node.isNull() ? Option.none() : text(body, name));
    }

    private static Option<Boolean> flag(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isBoolean()) {
            throw new Invalid("'Expected type boolean but found type " + type(node) + "' on property " + name);
        }
        return Option.some(node.booleanValue());
    }

    private static Option<Option<Metadata>> metadata(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Option.none();
        }
        if (node.isNull()) {
            return Option.some(Option.none());
        }
        if (!node.isObject()) {
            throw new Invalid("'Expected type object but found type " + type(node) + "' on property " + name);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            // Auth0 refuses these keys too; a dot would also make the key unsearchable (name.key is the path).
            if (key.isEmpty() || key.contains(".") || key.startsWith("$") || key.length() > 255) {
                throw new Invalid("'" + name + " keys must be 1 to 255 characters, without '.' or a leading '$''");
            }
            values.put(key, value(entry.getValue()));
        });
        return Option.some(Option.some(new Metadata(values)));
    }

    /** A JSON value as plain Java: the domain's metadata knows no Jackson. */
    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> map.put(entry.getKey(), value(entry.getValue())));
        return map;
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
