package io.twofold.mfa.http.api;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.secret.SecureRandomSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Gives every request an id and writes one access line for it. The id is the client's
 * {@code X-Request-Id} when that is 1 to 128 letters, digits, '.', '_' or '-', else 16 random bytes in
 * hex; it goes back in the {@code X-Request-Id} response header and, as {@value #MDC_KEY} in the SLF4J
 * MDC, on every log line of the request, those of the use case on the blocking executor too (Micronaut
 * carries the MDC there through its propagated context). The access line (logger {@value #ACCESS_LOGGER})
 * names method, path, status, duration and the id, in its message and as key-value pairs (fields of
 * their own in JSON logs); never headers, bodies or query strings, where tokens,
 * passwords and codes travel. The path may hold an authenticator id, which is not a secret.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class RequestLogFilter {
    public static final String ACCESS_LOGGER = "io.twofold.access";
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private static final Logger LOG = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final String STARTED = "twofold.request.started";
    private static final String ID = "twofold.request.id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** One generator per event-loop thread: ids are made for every request, never behind a shared lock. */
    private static final RandomSource RANDOM = new SecureRandomSource();

    @RequestFilter
    public void start(HttpRequest<?> request, MutablePropagatedContext context) {
        request.setAttribute(STARTED, System.nanoTime());
        String id = requestId(request.getHeaders().get(HEADER));
        request.setAttribute(ID, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            context.add(new MdcPropagationContext());
        } finally {
            restore(outer);
        }
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ID, String.class).orElseGet(() -> requestId(null));
        response.header(HEADER, id);
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            LOG.atInfo().addKeyValue("method", request.getMethodName()).addKeyValue("path", request.getPath())
                    .addKeyValue("status", response.code()).addKeyValue("duration_ms", millis)
                    .log("{} {} {} {}ms {}", request.getMethodName(), request.getPath(), response.code(), millis, id);
        } finally {
            restore(outer);
        }
    }

    /** The client's id when it is sane, else a new random one. */
    static String requestId(String offered) {
        if (offered != null && SANE_ID.matcher(offered).matches()) {
            return offered;
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void restore(String outer) {
        if (outer == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, outer);
        }
    }
}
