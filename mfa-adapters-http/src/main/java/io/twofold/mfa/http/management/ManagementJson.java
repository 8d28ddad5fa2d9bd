package io.twofold.mfa.http.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.vavr.control.Either;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads request bodies and writes responses of the Management API. Every response is
 * {@code application/json; charset=utf-8} (a 204 too, as Auth0's) and {@code no-store}: many carry a
 * secret, a recovery code or personal data.
 */
public final class ManagementJson {
    /** Auth0's content type, recorded on every response including 204s (spec 1.8). */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ManagementJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A JSON object body; 400 {@code invalid_body} for none, malformed JSON or another shape. */
    public static Either<ManagementError, ObjectNode> object(@Nullable byte[] body) {
        return parse(body).flatMap(node -> node instanceof ObjectNode object
                ? Either.right(object)
                : Either.left(ManagementError.badRequest("Payload validation error: 'Expected type object but found type "
                        + typeName(node) + "'.")));
    }

    /** A JSON array body; 400 {@code invalid_body} for none, malformed JSON or another shape. */
    public static Either<ManagementError, ArrayNode> array(@Nullable byte[] body) {
        return parse(body).flatMap(node -> node instanceof ArrayNode array
                ? Either.right(array)
                : Either.left(ManagementError.badRequest("Payload validation error: 'Expected type array but found type "
                        + typeName(node) + "'.")));
    }

    private static Either<ManagementError, JsonNode> parse(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'Missing request body'."));
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode()
                    ? Either.left(ManagementError.badRequest("Payload validation error: 'Missing request body'."))
                    : Either.right(node);
        } catch (IOException e) {
            // The parser's message can quote the body, which may hold a password: not echoed.
            return Either.left(ManagementError.badRequest("Payload validation error: 'Invalid JSON'."));
        }
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MutableHttpResponse<byte[]> ok(Object body) {
        return json(200, body);
    }

    public static MutableHttpResponse<byte[]> created(Object body) {
        return json(201, body);
    }

    public static MutableHttpResponse<byte[]> noContent() {
        return HttpResponse.<byte[]>status(HttpStatus.NO_CONTENT)
                .header("Content-Type", CONTENT_TYPE)
                .header("Cache-Control", "no-store");
    }

    static MutableHttpResponse<byte[]> json(int status, Object body) {
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(status))
                .header("Content-Type", CONTENT_TYPE)
                .header("Cache-Control", "no-store")
                .body(write(body));
    }

    /** The JSON bytes of a body made of maps, lists, strings, numbers, booleans and Jackson nodes. */
    public static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a response body could not be written as JSON", e);
        }
    }
}
