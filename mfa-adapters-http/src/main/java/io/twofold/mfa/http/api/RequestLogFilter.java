package io.twofold.mfa.http.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path, status and duration. Never headers, bodies or query
 * strings, where tokens, passwords and codes travel. The path may hold an authenticator id, which is
 * not a secret.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class RequestLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);
    private static final String STARTED = "twofold.request.started";

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, HttpResponse<?> response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} {} {} {}ms", request.getMethodName(), request.getPath(), response.code(), millis);
    }
}
