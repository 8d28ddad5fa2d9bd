package io.twofold.mfa.jdbc.tx;

import io.twofold.mfa.port.out.StoreUnavailableException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Supplier;

/**
 * Where the stores get their JDBI handle: the one a unit of work has bound to this thread, so that
 * everything inside it commits or rolls back together, or else a short handle of their own.
 */
public final class Handles {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> bound = new ThreadLocal<>();

    public Handles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs one statement's worth of work. */
    public <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        Handle handle = bound.get();
        return handle != null ? callback.withHandle(handle) : reachable(() -> jdbi.withHandle(callback));
    }

    /** Runs several statements atomically: inside the bound unit of work, or in a transaction of their own. */
    public <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        Handle handle = bound.get();
        return handle != null ? callback.withHandle(handle) : reachable(() -> jdbi.inTransaction(callback));
    }

    /** Binds one transaction to this thread for the duration of {@code work}; a nested call joins it. */
    <T> T inUnitOfWork(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        return reachable(() -> jdbi.inTransaction(handle -> {
            bound.set(handle);
            try {
                return work.get();
            } finally {
                bound.remove();
            }
        }));
    }

    /**
     * Runs {@code work}, turning a lost or refused database connection into a
     * {@link StoreUnavailableException} (the transaction, if any, is rolled back or never began).
     * Only the outermost call translates; everything else a statement throws passes unchanged.
     */
    private static <T> T reachable(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                throw new StoreUnavailableException("the database cannot be reached", e);
            }
            throw e;
        }
    }
}
