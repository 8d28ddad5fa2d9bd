package io.twofold.mfa.http.api.error;

import io.micronaut.http.MutableHttpResponse;
import io.twofold.mfa.http.api.response.JsonResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One error as the wire shows it: the status, the OAuth {@code error} code, the human
 * {@code error_description}, extra body members (such as {@code mfa_token}) and extra headers.
 */
public record OAuthError(int status, String error, String description,
                         Map<String, Object> members, Map<String, String> headers) {

    public OAuthError {
        members = Map.copyOf(members);
        headers = Map.copyOf(headers);
    }

    public static OAuthError of(int status, String error, String description) {
        return new OAuthError(status, error, description, Map.of(), Map.of());
    }

    public OAuthError withMember(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new OAuthError(status, error, description, more, headers);
    }

    public OAuthError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OAuthError(status, error, description, members, more);
    }

    /** The JSON body: {@code error} and {@code error_description} first, then the extra members. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        members.keySet().stream().sorted().forEach(name -> body.put(name, members.get(name)));
        return body;
    }

    /** The response that carries this error: its status, JSON body and extra headers. */
    public MutableHttpResponse<byte[]> toResponse() {
        MutableHttpResponse<byte[]> response = JsonResponses.json(status, body());
        headers.forEach(response::header);
        return response;
    }

    @Override
    public String toString() {
        // Members may hold an mfa_token: never print them.
        return "OAuthError[" + status + ", " + error + "]";
    }
}
