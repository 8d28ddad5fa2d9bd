package io.twofold.mfa.http.api.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.MediaType;
import io.twofold.mfa.error.MfaError;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a raw body into {@link RequestParams}. Parsing is done here rather than by the framework so
 * that every malformed body is answered with {@code invalid_request}, never with a framework error;
 * an over-long value ({@link InputLimits}) is refused here too, before any other work.
 */
public final class RequestBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {
    }

    public static Either<MfaError, RequestParams> parse(Optional<MediaType> contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return Either.right(RequestParams.empty());
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Either<MfaError, RequestParams> params = switch (kindOf(contentType.orElse(null), text)) {
            case JSON -> parseJson(body);
            case FORM -> FormDecoder.decode(text).map(RequestParams::ofStrings);
            case UNSUPPORTED -> Either.left(new MfaError.InvalidRequest(
                    "Unsupported Content-Type: send application/json or application/x-www-form-urlencoded."));
        };
        return params.flatMap(RequestParams::withinLimits);
    }

    private enum Kind { JSON, FORM, UNSUPPORTED }

    /**
     * JSON by its media type (or a {@code +json} suffix), form by its media type. A form-labelled or
     * unlabelled body that starts with '{' is read as JSON: some Auth0 docs examples send a JSON body
     * with curl's default form label, and '{' can never start a meaningful form parameter name.
     */
    private static Kind kindOf(MediaType type, String text) {
        boolean looksLikeJson = text.stripLeading().startsWith("{");
        if (type == null) {
            return looksLikeJson ? Kind.JSON : Kind.FORM;
        }
        String name = type.getName();
        if (name.equals(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")) {
            return Kind.JSON;
        }
        if (name.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
            return looksLikeJson ? Kind.JSON : Kind.FORM;
        }
        return Kind.UNSUPPORTED;
    }

    private static Either<MfaError, RequestParams> parseJson(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException malformed) {
            return Either.left(new MfaError.InvalidRequest("The request body is not valid JSON."));
        } catch (IOException unreadable) {
            return Either.left(new MfaError.InvalidRequest("The request body could not be read."));
        }
        if (root == null || root.isMissingNode()) {
            return Either.right(RequestParams.empty());
        }
        if (!root.isObject()) {
            return Either.left(new MfaError.InvalidRequest("The request body must be a JSON object."));
        }
        Map<String, List<JsonNode>> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            values.put(member.getKey(), List.of(member.getValue()));
        }
        return Either.right(new RequestParams(values));
    }
}
