package io.twofold.mfa.memory;

import io.twofold.mfa.port.out.UnitOfWork;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} for the in-memory stores: it just runs the work. Each store applies a change
 * at once and atomically, which is what the use cases' single-use and attempt rules rely on; there is
 * no rollback, so work that throws halfway (a sender failing after a challenge was stored) keeps its
 * earlier changes. Tests that need rollback belong with a real database adapter.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

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
