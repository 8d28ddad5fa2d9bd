package io.twofold.mfa.http.api.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementPaths;
import io.twofold.mfa.port.out.StoreUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;

/**
 * The last resort for an exception nothing else handled: a 500 with a fixed body and no stack trace
 * on the wire. The log names the request by method and path only; bodies, headers and query strings
 * can hold tokens and codes.
 */
@Singleton
@Produces
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        if (ManagementPaths.isManagement(request)) {
            return management(request, exception);
        }
        if (exception instanceof HttpStatusException status && status.getStatus().getCode() < 500) {
            return OAuthErrors.forStatus(status.getStatus().getCode()).toResponse();
        }
        // First: a lost database connection ends in an EOFException too, deep in the driver.
        if (storeUnavailable(exception)) {
            // An outage, not a bug: no stack trace; the client may try again, every node recovers by itself.
            LOG.warn("{} {}: the database cannot be reached; answered 503", request.getMethodName(), request.getPath());
            return OAuthErrors.temporarilyUnavailable().toResponse();
        }
        if (clientLeft(exception)) {
            // The client's business, not a server fault: no stack trace, and nobody reads the answer.
            LOG.debug("{} {}: the client closed the connection before the whole body arrived",
                    request.getMethodName(), request.getPath());
            return OAuthErrors.invalidRequest("The request body was cut short.").toResponse();
        }
        LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        return OAuthErrors.serverError().toResponse();
    }

    /** The same decisions, in the Management API's error shape. */
    private static HttpResponse<?> management(HttpRequest<?> request, Exception exception) {
        if (exception instanceof HttpStatusException status && status.getStatus().getCode() < 500) {
            return ManagementError.forStatus(status.getStatus().getCode()).toResponse();
        }
        if (storeUnavailable(exception)) {
            LOG.warn("{} {}: the database cannot be reached; answered 503", request.getMethodName(), request.getPath());
            return ManagementError.unavailable().toResponse();
        }
        if (clientLeft(exception)) {
            return ManagementError.badRequest("The request body was cut short.").toResponse();
        }
        LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        return ManagementError.internal().toResponse();
    }

    private static boolean storeUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** A body cut short by the client: Netty reports it as an {@link EOFException}, possibly wrapped. */
    private static boolean clientLeft(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
