package io.twofold.mfa.http.api.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twofold.mfa.error.MfaError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The parameters of a request body, JSON or form alike. Every value a use case sees is a string:
 * a JSON number where a code is expected would lose its leading zeros (spec 2.2), so it is refused.
 */
public final class RequestParams {

    private static final RequestParams EMPTY = new RequestParams(Map.of());

    /** Each name maps to the values given for it: one per JSON member, one per form pair. */
    private final Map<String, List<JsonNode>> values;

    RequestParams(Map<String, List<JsonNode>> values) {
        this.values = Map.copyOf(values);
    }

    public static RequestParams empty() {
        return EMPTY;
    }

    public static RequestParams ofStrings(Map<String, List<String>> form) {
        Map<String, List<JsonNode>> nodes = new java.util.HashMap<>();
        form.forEach((name, texts) -> nodes.put(name, texts.map(TextNode::valueOf)));
        return new RequestParams(nodes);
    }

    public boolean has(String name) {
        return values.containsKey(name) && values.get(name).exists(node -> !node.isNull());
    }

    /** An optional string; absent, JSON null and the empty string all mean "not given". */
    public Either<MfaError, Option<String>> optionalString(String name) {
        List<JsonNode> given = values.getOrDefault(name, List.empty()).filter(node -> !node.isNull());
        if (given.isEmpty()) {
            return Either.right(Option.none());
        }
        if (given.size() > 1) {
            return Either.left(new MfaError.InvalidRequest("Parameter " + name + " was given more than once."));
        }
        JsonNode node = given.head();
        if (!node.isTextual()) {
            return Either.left(wrongType(name, "a string"));
        }
        return Either.right(Option.of(node.textValue()).filter(text -> !text.isEmpty()));
    }

    public Either<MfaError, String> requiredString(String name) {
        return optionalString(name).flatMap(value -> value.toEither(() -> missing(name)));
    }

    /** A list given either as an array of strings or as a single string (spec 2.2). */
    public Either<MfaError, List<String>> stringList(String name) {
        List<String> texts = List.empty();
        for (JsonNode node : values.getOrDefault(name, List.empty())) {
            if (node.isTextual()) {
                texts = texts.append(node.textValue());
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    if (!element.isTextual()) {
                        return Either.left(wrongType(name, "a string or an array of strings"));
                    }
                    texts = texts.append(element.textValue());
                }
            } else if (!node.isNull()) {
                return Either.left(wrongType(name, "a string or an array of strings"));
            }
        }
        return Either.right(texts);
    }

    /** Itself, or the first parameter longer than its maximum in {@link InputLimits}. */
    public Either<MfaError, RequestParams> withinLimits() {
        for (Map.Entry<String, List<JsonNode>> parameter : values.entrySet()) {
            for (JsonNode node : parameter.getValue().flatMap(node -> node.isArray() ? List.ofAll(node) : List.of(node))) {
                Either<MfaError, String> checked = node.isTextual()
                        ? InputLimits.within(parameter.getKey(), node.textValue()) : Either.right("");
                if (checked.isLeft()) {
                    return Either.left(checked.getLeft());
                }
            }
        }
        return Either.right(this);
    }

    public static MfaError missing(String name) {
        return new MfaError.InvalidRequest("Missing required parameter: " + name);
    }

    private static MfaError wrongType(String name, String expected) {
        return new MfaError.InvalidRequest("Invalid parameter type: " + name + " must be " + expected + ".");
    }

    @Override
    public String toString() {
        // Values hold passwords, codes and tokens: only the names may be shown.
        return "RequestParams" + values.keySet();
    }
}
