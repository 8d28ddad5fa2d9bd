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
import java.util.concurrent.ExecutionException;

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

    /** Waits for every part of the body (the first of each name counts). */
    static ImportForm collect(MultipartBody body) {
        CompletableFuture<Map<String, CompletedPart>> done = new CompletableFuture<>();
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
                done.complete(parts);
            }
        });
        try {
            return new ImportForm(done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the import form", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the import form could not be read", e.getCause());
        }
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
