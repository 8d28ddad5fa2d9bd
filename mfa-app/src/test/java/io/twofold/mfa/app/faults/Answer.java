package io.twofold.mfa.app.faults;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer from a node: its status (0 when the connection failed or was cut with no answer), the
 * parsed body, the OAuth {@code error} and {@code error_description}, {@code Retry-After}, when it was
 * sent and how long it took.
 */
record Answer(String node, int status, JsonNode body, String retryAfter, long sentNanos, long millis, String failure) {
    boolean ok() {
        return status == 200;
    }

    boolean noAnswer() {
        return status == 0;
    }

    String error() {
        return body.path("error").asText("");
    }

    String text(String field) {
        return body.path(field).asText("");
    }

    /** How the report counts it: {@code 200}, {@code 403 mfa_required}, {@code no answer (ConnectException)}. */
    String outcome() {
        if (noAnswer()) {
            return "no answer (" + failure + ")";
        }
        String error = error();
        if (error.equals("invalid_grant") && !body.path("error_description").asText("").isEmpty()) {
            return status + " " + error + " \"" + body.path("error_description").asText() + "\"";
        }
        return error.isEmpty() ? String.valueOf(status) : status + " " + error;
    }
}
