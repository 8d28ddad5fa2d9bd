package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.contract.LoginStateStoreContract;
import io.twofold.mfa.memory.InMemoryAttemptCounterStore;
import io.twofold.mfa.memory.InMemoryAuditLog;
import io.twofold.mfa.memory.InMemoryAuthenticatorStore;
import io.twofold.mfa.memory.InMemoryTenantPolicyStore;
import io.twofold.mfa.memory.InMemoryTransactionStore;

/** The login-state store a host gets by default, composed of the four in-memory stores. */
class ComposedLoginStatesTest extends LoginStateStoreContract {

    @Override
    protected Stores newStores() {
        InMemoryTransactionStore transactions = new InMemoryTransactionStore(new InMemoryAuditLog());
        InMemoryAuthenticatorStore authenticators = new InMemoryAuthenticatorStore();
        InMemoryAttemptCounterStore counters = new InMemoryAttemptCounterStore();
        InMemoryTenantPolicyStore tenant = new InMemoryTenantPolicyStore();
        return new Stores(new ComposedLoginStates(transactions, authenticators, counters, tenant), transactions,
                authenticators, counters, tenant);
    }
}
