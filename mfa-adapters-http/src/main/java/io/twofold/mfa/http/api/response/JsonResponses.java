package io.twofold.mfa.http.api.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.io.UncheckedIOException;

/**
 * Builds every API response: the JSON is written here, not by the framework, so member names and
 * order are exactly as listed, and every response carries {@code Cache-Control: no-store} and
 * {@code Pragma: no-cache} because most of them hold a token, a secret or a code (RFC 6749 5.1).
 */
public final class JsonResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    public static MutableHttpResponse<byte[]> ok(Object body) {
        return json(200, body);
    }

    public static MutableHttpResponse<byte[]> json(int status, Object body) {
        return noStore(HttpResponse.<byte[]>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(write(body)));
    }

    public static MutableHttpResponse<byte[]> noContent() {
        return noStore(HttpResponse.noContent());
    }

    /** The JSON bytes of a body made of maps, lists, strings, numbers and booleans. */
    public static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a response body could not be written as JSON", e);
        }
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
