package com.example.host;

import io.twofold.mfa.contract.AttemptCounterStoreContract;
import io.twofold.mfa.port.out.AttemptCounterStore;

import java.time.Clock;

/** The attempt counters as the host runs them, on its own DataSource, pass Twofold's contract (races included). */
class HostAttemptCounterStoreTest extends AttemptCounterStoreContract {
    @Override
    protected AttemptCounterStore newStore() {
        return HostMfa.start(HostDatabase.fresh(), HostDatabase.keyring(), Clock.systemUTC()).storage().attemptCounters();
    }
}
