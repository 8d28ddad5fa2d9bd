package io.twofold.mfa.contract;

import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.port.out.TenantPolicyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TenantPolicyStore} must do. Extend it with a fresh store, at its defaults, per test. */
public abstract class TenantPolicyStoreContract {

    protected TenantPolicyStore store;

    /** A fresh store at its defaults; called before every test. */
    protected abstract TenantPolicyStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    @Test
    public void startsWithEveryFactorOnAndTheClientsDeciding() {
        assertThat(store.current()).isEqualTo(TenantPolicy.DEFAULT);
    }

    @Test
    public void turnsOneFactorOffAndOnAgain() {
        store.enableFactor(FactorType.PHONE, false);
        store.enableFactor(FactorType.PHONE, false);

        assertThat(store.current().allows(FactorType.PHONE)).isFalse();
        assertThat(store.current().enabledFactors()).containsExactlyInAnyOrder(FactorType.OTP, FactorType.EMAIL,
                FactorType.RECOVERY_CODE);

        store.enableFactor(FactorType.PHONE, true);
        assertThat(store.current()).isEqualTo(TenantPolicy.DEFAULT);
    }

    @Test
    public void keepsTheAllApplicationsPolicy() {
        store.requireMfaForAllApplications(true);
        store.requireMfaForAllApplications(true);
        assertThat(store.current().mfaForAllApplications()).isTrue();

        store.requireMfaForAllApplications(false);
        store.requireMfaForAllApplications(false);
        assertThat(store.current().mfaForAllApplications()).isFalse();
    }

    @Test
    public void nodesRacingOnOneSwitchLeaveOneOfTheirValues() {
        try (Race race = new Race()) {
            race.run(thread -> {
                store.enableFactor(FactorType.OTP, thread % 2 == 0);
                store.requireMfaForAllApplications(thread % 2 == 0);
                return thread;
            });
        }
        store.enableFactor(FactorType.OTP, false);
        store.requireMfaForAllApplications(true);

        assertThat(store.current().allows(FactorType.OTP)).isFalse();
        assertThat(store.current().mfaForAllApplications()).isTrue();
        store.requireMfaForAllApplications(false);
        assertThat(store.current().mfaForAllApplications()).isFalse();
    }
}
