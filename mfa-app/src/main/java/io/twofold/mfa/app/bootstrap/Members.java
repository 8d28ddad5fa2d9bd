package io.twofold.mfa.app.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Set;

/** The members of one JSON object of the bootstrap file, read with checks that name the member, never its value. */
final class Members {
    private final JsonNode node;
    private final String where;

    private Members(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** Rejects an object that is not one or that has members outside {@code allowed} (a typo would else be ignored). */
    static Members of(JsonNode node, String where, Set<String> allowed) {
        if (!node.isObject()) {
            throw fail(where + " must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw fail(where + " has an unknown member '" + sanitize(name) + "'");
            }
        });
        return new Members(node, where);
    }

    String requiredText(String name, int min, int max) {
        return optionalText(name, min, max).getOrElseThrow(() -> fail(path(name) + " is required"));
    }

    Option<String> optionalText(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isTextual()) {
            throw fail(path(name) + " must be a string");
        }
        String text = value.textValue();
        if (text.length() < min || text.length() > max) {
            throw fail(path(name) + " must be " + min + " to " + max + " characters long");
        }
        if (text.isBlank() || !text.equals(text.strip())) {
            throw fail(path(name) + " must not be blank or start or end with a space");
        }
        return Option.some(text);
    }

    List<String> textArray(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw fail(path(name) + " must be a non-empty array of strings");
        }
        return List.ofAll(value).zipWithIndex().map(item -> {
            if (!item._1.isTextual()) {
                throw fail(path(name) + "[" + item._2 + "] must be a string");
            }
            return item._1.textValue();
        });
    }

    Option<Long> optionalInteger(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw fail(path(name) + " must be a whole number from " + min + " to " + max);
        }
        return Option.some(value.longValue());
    }

    Option<Boolean> optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isBoolean()) {
            throw fail(path(name) + " must be true or false");
        }
        return Option.some(value.booleanValue());
    }

    Option<JsonNode> optionalObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isObject()) {
            throw fail(path(name) + " must be a JSON object");
        }
        return Option.some(value);
    }

    Option<JsonNode> optionalArray(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isArray()) {
            throw fail(path(name) + " must be a JSON array");
        }
        return Option.some(value);
    }

    String path(String name) {
        return where + "." + name;
    }

    static InvalidConfigurationException fail(String problem) {
        return new InvalidConfigurationException("MFA_BOOTSTRAP_FILE: " + problem);
    }

    private static String sanitize(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
