package io.twofold.mfa.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically: everything the stores do inside commits together when the work returns
 * (a failure value included: counting a failed attempt must stick) and rolls back when it throws.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
