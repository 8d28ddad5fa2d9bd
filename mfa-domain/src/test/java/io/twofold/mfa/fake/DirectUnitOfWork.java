package io.twofold.mfa.fake;

import io.twofold.mfa.port.out.UnitOfWork;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} that just runs the work. The in-memory stores apply each change at once and
 * cannot roll back, so work that throws halfway leaves its earlier changes in place; tests that need
 * rollback belong with a real database adapter.
 */
public final class DirectUnitOfWork implements UnitOfWork {

    private final AtomicInteger runs = new AtomicInteger();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        runs.incrementAndGet();
        return work.get();
    }

    /** How many units of work were started, so a test can check that work ran inside one. */
    public int runs() {
        return runs.get();
    }
}
