package io.twofold.mfa.contract;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.port.out.LoginState;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.twofold.mfa.fake.Authenticators.pendingRecoveryCode;
import static io.twofold.mfa.fake.Authenticators.pendingSms;
import static io.twofold.mfa.fake.Authenticators.pendingTotp;
import static io.twofold.mfa.fake.Authenticators.seed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link LoginStateStore} must do: answer exactly what the four stores it stands for
 * answer one by one. Extend it with fresh, empty stores over one storage per test.
 */
public abstract class LoginStateStoreContract {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final UserId ALICE = new UserId("auth0|alice");
    private static final UserId BOB = new UserId("auth0|bob");

    /** The stores under test, sharing one storage. */
    public record Stores(LoginStateStore loginStates, TransactionStore transactions,
                            AuthenticatorStore authenticators, AttemptCounterStore counters, TenantPolicyStore tenant) {
    }

    private Stores stores;

    /** Fresh, empty stores over one storage; called before every test. */
    protected abstract Stores newStores();

    @BeforeEach
    protected void createStores() {
        stores = newStores();
    }

    private static MfaTransaction transaction(String id, UserId user) {
        return new MfaTransaction(new TransactionId(id), SecretHash.of("token-" + id), user, new ClientId("client-1"),
                Option.some("https://api.example.com/"), Scope.parse("openid profile"), Option.none(),
                T0, T0.plus(Duration.ofMinutes(10)), 0, false);
    }

    private Option<LoginState> find(String transactionId) {
        return stores.loginStates().findByTokenHash(SecretHash.of("token-" + transactionId));
    }

    @Test
    public void findsNothingForATokenNoTransactionHas() {
        stores.transactions().add(transaction("tx-1", ALICE));

        assertThat(find("tx-2")).isEmpty();
    }

    @Test
    public void findsATransactionOfAUserWithNoAuthenticatorsAndNoBucket() {
        MfaTransaction tx = transaction("tx-1", ALICE);
        stores.transactions().add(tx);

        assertThat(find("tx-1")).containsExactly(new LoginState(tx, List.empty(), Option.none(), TenantPolicy.DEFAULT));
    }

    @Test
    public void findsTheUsersAuthenticatorsAndBucketAsTheirOwnStoresDo() {
        MfaTransaction tx = transaction("tx-1", ALICE);
        stores.transactions().add(tx);
        PendingAuthenticator totp = pendingTotp(ALICE, 1, seed(7), T0);
        PendingAuthenticator sms = pendingSms(ALICE, 2, "+15551234567", T0.plusSeconds(1));
        stores.authenticators().add(totp);
        stores.authenticators().add(sms);
        stores.authenticators().add(pendingRecoveryCode(ALICE, 3, "Q7TXK2M9WRZ4HC8LNVB3PD6F", T0.plusSeconds(2)));
        stores.authenticators().activate(totp.confirm(T0.plusSeconds(5)));
        stores.counters().compareAndSet(new AttemptBucket(AttemptBucket.secondFactorKey(ALICE), 7, T0, 3, 1));

        LoginState state = find("tx-1").get();

        assertThat(state.transaction()).isEqualTo(tx);
        assertThat(state.authenticators()).isEqualTo(stores.authenticators().findByUser(ALICE));
        assertThat(state.authenticators().map(Authenticator::isActive)).containsExactly(true, false, false);
        assertThat(state.failures()).isEqualTo(stores.counters().find(AttemptBucket.secondFactorKey(ALICE)));
        assertThat(state.failures().map(AttemptBucket::consecutiveFailures)).containsExactly(3);
    }

    @Test
    public void carriesTheFactorSwitchesAsTheyStandAtTheRead() {
        stores.transactions().add(transaction("tx-1", ALICE));
        assertThat(find("tx-1").get().policy()).isEqualTo(stores.tenant().current());

        stores.tenant().enableFactor(FactorType.OTP, false);
        stores.tenant().enableFactor(FactorType.PHONE, false);
        stores.tenant().requireMfaForAllApplications(true);

        TenantPolicy policy = find("tx-1").get().policy();
        assertThat(policy).isEqualTo(stores.tenant().current());
        assertThat(policy.allows(FactorType.OTP)).isFalse();
        assertThat(policy.allows(FactorType.EMAIL)).isTrue();
        assertThat(policy.mfaForAllApplications()).isTrue();

        stores.tenant().enableFactor(FactorType.OTP, true);
        assertThat(find("tx-1").get().policy().allows(FactorType.OTP)).as("never cached").isTrue();
    }

    @Test
    public void leavesOutOtherUsersAuthenticatorsAndOtherBuckets() {
        stores.transactions().add(transaction("tx-1", ALICE));
        stores.transactions().add(transaction("tx-2", BOB));
        stores.authenticators().add(pendingTotp(BOB, 1, seed(1), T0));
        stores.counters().compareAndSet(new AttemptBucket(AttemptBucket.secondFactorKey(BOB), 5, T0, 1, 1));
        stores.counters().compareAndSet(new AttemptBucket("sends:" + ALICE.value(), 2, T0, 0, 1));

        LoginState alices = find("tx-1").get();

        assertThat(alices.authenticators()).isEmpty();
        assertThat(alices.failures()).isEmpty();
        assertThat(find("tx-2").get().authenticators()).hasSize(1);
        assertThat(find("tx-2").get().failures().map(AttemptBucket::tokens)).containsExactly(5);
    }

    @Test
    public void findsACompletedTransactionWithItsFailureCount() {
        MfaTransaction tx = transaction("tx-1", ALICE);
        stores.transactions().add(tx);
        stores.transactions().reserveAttempt(tx.id(), 10);
        stores.transactions().complete(tx.id(), List.of(new AuditEvent(T0, "mfa.success",
                Option.some(ALICE), Option.none(), LinkedHashMap.of("transaction", "tx-1"))));

        MfaTransaction found = find("tx-1").get().transaction();

        assertThat(found.completed()).isTrue();
        assertThat(found.failedAttempts()).isEqualTo(1);
    }
}
