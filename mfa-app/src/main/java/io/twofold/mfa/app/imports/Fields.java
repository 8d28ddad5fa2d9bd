package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Typed reads of one JSON object's members that collect every problem instead of stopping at the
 * first: each names the member's path, never its value (values may be secrets).
 */
final class Fields {
    private final JsonNode node;
    private final String prefix;
    private final String code;
    private final java.util.List<ImportError> errors;

    private Fields(JsonNode node, String prefix, String code, java.util.List<ImportError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.code = code;
        this.errors = errors;
    }

    static Fields of(JsonNode node) {
        return new Fields(node, "", ImportError.INVALID_FORMAT, new ArrayList<>());
    }

    /** The members of {@code name} (an object), their errors reported under {@code code}, into the same list. */
    Fields nested(JsonNode child, String path, String childCode) {
        return new Fields(child, path + ".", childCode, errors);
    }

    List<ImportError> errors() {
        return List.ofAll(errors);
    }

    void fail(String member, String message) {
        errors.add(ImportError.at(prefix + member, code, message));
    }

    void failWith(String errorCode, String member, String message) {
        errors.add(ImportError.at(prefix + member, errorCode, message));
    }

    /** additionalProperties:false — every member not in {@code known} is an error of its own. */
    void onlyMembers(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fail(name, "unknown member " + path(name) + " (not in the " + "schema)");
            }
        }
    }

    private String path(String name) {
        return prefix + name;
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    Option<String> text(String name, int maxLength) {
        return text(name, value -> !value.isBlank() && value.length() <= maxLength,
                "must be a string of 1 to " + maxLength + " characters");
    }

    Option<String> text(String name, Predicate<String> valid, String rule) {
        if (!has(name)) {
            return Option.none();
        }
        JsonNode value = node.get(name);
        if (!value.isTextual() || !valid.test(value.textValue())) {
            fail(name, path(name) + " " + rule);
            return Option.none();
        }
        return Option.some(value.textValue());
    }

    boolean bool(String name, boolean absent) {
        if (!has(name)) {
            return absent;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            fail(name, path(name) + " must be true or false");
            return absent;
        }
        return value.booleanValue();
    }

    Option<JsonNode> object(String name) {
        return kind(name, JsonNode::isObject, "an object");
    }

    Option<JsonNode> array(String name) {
        return kind(name, JsonNode::isArray, "an array");
    }

    private Option<JsonNode> kind(String name, Predicate<JsonNode> is, String what) {
        if (!has(name)) {
            return Option.none();
        }
        JsonNode value = node.get(name);
        if (!is.test(value)) {
            fail(name, path(name) + " must be " + what);
            return Option.none();
        }
        return Option.some(value);
    }
}
