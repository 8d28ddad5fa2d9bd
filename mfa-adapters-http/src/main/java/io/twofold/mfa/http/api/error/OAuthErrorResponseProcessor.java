package io.twofold.mfa.http.api.error;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.twofold.mfa.http.api.response.JsonResponses;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.http.management.ManagementPaths;
import jakarta.inject.Singleton;

/**
 * Replaces the framework's error bodies (no route, wrong method, body too large, ...) with OAuth-style
 * {@code {"error","error_description"}} JSON (under {@code /api/v2/}, the Management API's shape), whatever the client's {@code Accept} header says. The
 * framework's own messages are not used: they can quote the request or an exception.
 */
@Singleton
public class OAuthErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<byte[]> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        MutableHttpResponse<byte[]> typed = (MutableHttpResponse<byte[]>) response;
        if (errorContext.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        if (ManagementPaths.isManagement(errorContext.getRequest())) {
            return typed.body(ManagementJson.write(ManagementError.forStatus(response.code()).body()))
                    .header("Content-Type", ManagementJson.CONTENT_TYPE)
                    .header("Cache-Control", "no-store");
        }
        OAuthError error = OAuthErrors.forStatus(response.code());
        return typed.body(JsonResponses.write(error.body()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store");
    }
}
