package io.twofold.mfa.http.management.jobs;

import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.vavr.control.Option;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The parts of the import form, by name, as the server has parsed them: whatever their filename or
 * content type (auth0-java sends {@code text/json} and a filename, node-auth0 a blob, go a plain file),
 * none is converted. Collected on a blocking thread; large parts are on disk, not in memory.
 */
final class ImportForm {
    private final Map<String, CompletedPart> parts;

    private ImportForm(Map<String, CompletedPart> parts) {
        this.parts = parts;
    }

    /**
     * Every part of the body (the first of each name counts), once the last has arrived. Subscribes at
     * once, on the thread that calls it: a streamed body read later would pile up in the server's
     * in-memory buffer meanwhile and be refused as too large.
     */
    static CompletableFuture<ImportForm> collect(MultipartBody body) {
        CompletableFuture<ImportForm> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<>() {
            private final Map<String, CompletedPart> parts = new HashMap<>();
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                parts.putIfAbsent(part.getName(), part);
                subscription.request(1);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(new ImportForm(parts));
            }
        });
        return done;
    }

    Option<CompletedPart> part(String name) {
        return Option.of(parts.get(name));
    }

    /** A field's text, trimmed. */
    Option<String> text(String name) {
        return part(name).map(part -> {
            try {
                return new String(part.getBytes(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("a form field could not be read", e);
            }
        });
    }
}
