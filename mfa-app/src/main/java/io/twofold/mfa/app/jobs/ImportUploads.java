package io.twofold.mfa.app.jobs;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.twofold.mfa.http.management.jobs.ImportUploadLimit;
import jakarta.inject.Singleton;

/**
 * Lets a users file through the HTTP server without letting larger bodies through anywhere else. The
 * request limit grows to the file limit plus room for the form's other parts; the limit on a body held
 * in memory (every JSON and form endpoint) stays what {@code max-request-size} was; multipart parts over
 * 64 KiB go to a temporary file, never the heap.
 */
@Singleton
final class ImportUploads implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
    private static final long FORM_ROOM = 64 * 1024;

    private final ImportUploadLimit limit;

    ImportUploads(ImportUploadLimit limit) {
        this.limit = limit;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        long buffered = server.getMaxRequestSize();
        server.setMaxRequestBufferSize(Math.min(buffered, server.getMaxRequestBufferSize()));
        server.setMaxRequestSize(Math.max(buffered, limit.maxFileBytes() + FORM_ROOM));
        server.getMultipart().setMaxFileSize(limit.maxFileBytes() + 1);
        server.getMultipart().setMixed(true);
        server.getMultipart().setThreshold(FORM_ROOM);
        return server;
    }
}
