package io.twofold.mfa.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically: everything the stores do inside commits together when the work returns
 * (a failure value included: counting a failed attempt must stick) and rolls back when it throws.
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} as one transaction; a nested call joins the outer one. A host without
     * transactions (the in-memory stores) may simply run it: every store call is atomic on its own.
     */
    <T> T inTransaction(Supplier<T> work);
}
