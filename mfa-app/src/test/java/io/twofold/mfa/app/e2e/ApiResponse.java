package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A response as the client saw it: status, raw body, content type, and the body as JSON when it is JSON. */
record ApiResponse(int status, String body, Optional<String> contentType, JsonNode json, HttpHeaders headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ApiResponse of(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = JSON.missingNode();
        }
        return new ApiResponse(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type"), json, response.headers());
    }

    String text(String member) {
        JsonNode value = json.get(member);
        if (value == null || !value.isTextual()) {
            throw new AssertionError("no string member '" + member + "' in " + status + " " + body);
        }
        return value.textValue();
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String error() {
        return json.path("error").asText(null);
    }

    String errorDescription() {
        return json.path("error_description").asText(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
