package io.twofold.mfa.http.management;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.twofold.mfa.http.api.request.AuthorizationHeader;

/**
 * Every Management API response carries integer {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} headers (auth0-java parses them with {@code Long.parseLong}); a caller over its limit
 * gets Auth0's 429 body with {@code Retry-After}.
 */
@ServerFilter("/api/v2/**")
public class ManagementFilter {
    private static final String VERDICT = "twofold.management.rate";

    private final ManagementRateLimit limit;

    public ManagementFilter(ManagementRateLimit limit) {
        this.limit = limit;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        ManagementRateLimit.Verdict verdict = limit.take(AuthorizationHeader.bearer(request).getOrNull());
        request.setAttribute(VERDICT, verdict);
        if (verdict.allowed()) {
            return null;
        }
        MutableHttpResponse<byte[]> refused = ManagementError.tooManyRequests().toResponse()
                .header("Retry-After", String.valueOf(Math.max(1, verdict.resetEpochSecond()
                        - System.currentTimeMillis() / 1000)));
        return withHeaders(refused, verdict);
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(VERDICT, ManagementRateLimit.Verdict.class).ifPresent(verdict -> withHeaders(response, verdict));
    }

    /** A response that the request filter answers itself does not pass the response filter: both add them here. */
    private static <T> MutableHttpResponse<T> withHeaders(MutableHttpResponse<T> response, ManagementRateLimit.Verdict verdict) {
        return response.header("X-RateLimit-Limit", String.valueOf(verdict.limit()))
                .header("X-RateLimit-Remaining", String.valueOf(verdict.remaining()))
                .header("X-RateLimit-Reset", String.valueOf(verdict.resetEpochSecond()));
    }
}
