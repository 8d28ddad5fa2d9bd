package io.twofold.mfa.app;

import io.micronaut.context.ApplicationContext;
import io.twofold.mfa.jdbc.JdbcStorage;

import java.util.function.Supplier;

/**
 * The database of an operator command: the server's own wiring (same settings, same migrations,
 * same sealing key), started without the HTTP server, on first use; {@link #close} stops it.
 */
final class CommandStorage implements Supplier<JdbcStorage>, AutoCloseable {
    private ApplicationContext context;

    @Override
    public synchronized JdbcStorage get() {
        if (context == null) {
            try {
                context = ApplicationContext.builder().mainClass(TwofoldApplication.class).banner(false).start();
            } catch (RuntimeException e) {
                // The factories logged the line that says what to fix; the command repeats its gist.
                throw new IllegalStateException(rootMessage(e), e);
            }
        }
        return context.getBean(JdbcStorage.class);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof InvalidConfigurationException) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
        }
    }
}
