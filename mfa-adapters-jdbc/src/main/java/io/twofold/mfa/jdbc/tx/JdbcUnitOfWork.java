package io.twofold.mfa.jdbc.tx;

import io.twofold.mfa.port.out.UnitOfWork;

import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} as one database transaction: it commits when the work returns, whatever the
 * value (a counted failure must stick), and rolls back when the work throws. Nested calls join.
 */
public final class JdbcUnitOfWork implements UnitOfWork {
    private final Handles handles;

    public JdbcUnitOfWork(Handles handles) {
        this.handles = handles;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return handles.inUnitOfWork(work);
    }
}
