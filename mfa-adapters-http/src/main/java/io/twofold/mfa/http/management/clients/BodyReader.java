package io.twofold.mfa.http.management.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.http.management.ManagementError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Reads members of a JSON body with Auth0's payload-validation answers: a member of the wrong type
 * is a 400 {@code invalid_body} naming the member, never quoting its value (it may be a secret).
 * A refusal stops the read at once; {@link #read} turns it into the value callers handle.
 */
final class BodyReader {
    private final ObjectNode body;

    private BodyReader(ObjectNode body) {
        this.body = body;
    }

    /** Runs {@code reading} over the body; a refusal of any member comes back on the left. */
    static <T> Either<ManagementError, T> read(ObjectNode body, Function<BodyReader, T> reading) {
        try {
            return Either.right(reading.apply(new BodyReader(body)));
        } catch (Refused refused) {
            return Either.left(ManagementError.badRequest(refused.getMessage()));
        }
    }

    /** A reader of an object member, whose refusals stop the read of the body it is in. */
    BodyReader member(String member) {
        JsonNode node = body.get(member);
        if (!(node instanceof ObjectNode object)) {
            throw invalid(member, "Expected type object but found type " + (node == null ? "undefined" : type(node)));
        }
        return new BodyReader(object);
    }

    /** Stops the read with a 400 {@code invalid_body} carrying {@code message}. */
    static Refused refuse(String message) {
        return new Refused(message);
    }

    boolean has(String member) {
        return body.has(member);
    }

    boolean isNull(String member) {
        return body.path(member).isNull();
    }

    Option<String> text(String member, int maxLength) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isTextual()) {
            throw invalid(member, "Expected type string but found type " + type(node));
        }
        if (node.textValue().length() > maxLength) {
            throw invalid(member, "String is too long (" + node.textValue().length() + " chars), maximum " + maxLength);
        }
        return Option.some(node.textValue());
    }

    String requiredText(String member, int maxLength) {
        return text(member, maxLength).filter(value -> !value.isBlank())
                .getOrElseThrow(() -> refuse("Payload validation error: 'Missing required property: " + member + "'."));
    }

    Option<Boolean> bool(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isBoolean()) {
            throw invalid(member, "Expected type boolean but found type " + type(node));
        }
        return Option.some(node.booleanValue());
    }

    Option<Long> integer(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(member, "Expected type integer but found type " + type(node));
        }
        return Option.some(node.longValue());
    }

    Option<List<String>> texts(String member, int maxItems, int maxLength) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isArray() || node.size() > maxItems) {
            throw invalid(member, node.isArray() ? "Array is too long, maximum " + maxItems
                    : "Expected type array but found type " + type(node));
        }
        List<JsonNode> items = List.ofAll(node);
        if (items.exists(item -> !item.isTextual() || item.textValue().isEmpty() || item.textValue().length() > maxLength)) {
            throw invalid(member, "Expected an array of non-empty strings of at most " + maxLength + " characters");
        }
        return Option.some(items.map(JsonNode::textValue));
    }

    Option<ObjectNode> object(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isObject()) {
            throw invalid(member, "Expected type object but found type " + (node == null ? "undefined" : type(node)));
        }
        return Option.some((ObjectNode) node);
    }

    Option<List<JsonNode>> array(String member, int maxItems) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Option.none();
        }
        if (!node.isArray() || node.size() > maxItems) {
            throw invalid(member, node.isArray() ? "Array is too long, maximum " + maxItems
                    : "Expected type array but found type " + type(node));
        }
        return Option.some(List.ofAll(node));
    }

    static Refused invalid(String member, String why) {
        return refuse("Payload validation error: '" + why + "' on property " + member + ".");
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A refused member; carries only the message, no stack trace (it is an answer, not a failure). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
