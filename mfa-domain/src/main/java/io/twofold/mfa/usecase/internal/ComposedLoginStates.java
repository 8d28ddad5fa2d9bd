package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.LoginState;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.control.Option;

/**
 * A {@link LoginStateStore} made of the four stores it reads, for a host whose storage has no
 * one-query join: four reads instead of one, the same answer.
 */
public final class ComposedLoginStates implements LoginStateStore {
    private final TransactionStore transactions;
    private final AuthenticatorStore authenticators;
    private final AttemptCounterStore counters;
    private final TenantPolicyStore tenant;

    public ComposedLoginStates(TransactionStore transactions, AuthenticatorStore authenticators,
                               AttemptCounterStore counters, TenantPolicyStore tenant) {
        this.transactions = transactions;
        this.authenticators = authenticators;
        this.counters = counters;
        this.tenant = tenant;
    }

    @Override
    public Option<LoginState> findByTokenHash(SecretHash tokenHash) {
        return transactions.findByTokenHash(tokenHash).map(tx -> new LoginState(tx,
                authenticators.findByUser(tx.userId()), counters.find(AttemptBucket.secondFactorKey(tx.userId())),
                tenant.current()));
    }
}
