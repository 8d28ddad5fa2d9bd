package io.twofold.mfa.contract;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.TransactionStore.Reservation;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TransactionStore} must do, races included. Extend it with a fresh, empty store per test. */
public abstract class TransactionStoreContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final int ROUNDS = 20;
    /** Fewer attempts than racing threads, so the limit is what the race decides. */
    protected static final int BUDGET = 10;

    protected TransactionStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract TransactionStore newStore();

    /** The bucket store beside {@link #newStore()}'s: on the same database, when it has one. */
    protected abstract AttemptCounterStore bucketsBeside();

    /** How many audit events of {@code type} the store recorded for the transaction (its "transaction" detail). */
    protected abstract long auditedEvents(String type, String transactionId);

    /** The events a completion records, as the domain makes them: the grant's success and the factor's. */
    protected static io.vavr.collection.List<AuditEvent> success(TransactionId id) {
        return io.vavr.collection.List.of("mfa.success", "mfa.verified").map(type -> new AuditEvent(T0.plusSeconds(30),
                type, Option.some(new UserId("auth0|alice")), Option.some(new ClientId("client-1")),
                LinkedHashMap.of("transaction", id.value(), "factor", "totp|dev_1")));
    }

    private boolean complete(String id) {
        return store.complete(new TransactionId(id), success(new TransactionId(id)));
    }

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    /** A new, uncompleted transaction with no failures, for the {@code mfa_token} named {@code token}. */
    public static MfaTransaction transaction(String id, String token) {
        return new MfaTransaction(new TransactionId(id), SecretHash.of(token), new UserId("auth0|alice"),
                new ClientId("client-1"), Option.some("https://api.example.com/"), Scope.parse("openid profile"),
                Option.some("Username-Password-Authentication"), T0, T0.plus(Duration.ofMinutes(10)), 0, false);
    }

    @Test
    public void removesEveryTransactionOfOneUserAndNoOtherUsers() {
        MfaTransaction bobs = new MfaTransaction(new TransactionId("tx-3"), SecretHash.of("token-3"),
                new UserId("auth0|bob"), new ClientId("client-1"), Option.none(), Scope.EMPTY, Option.none(),
                T0, T0.plusSeconds(600), 0, false);
        store.add(transaction("tx-1", "token-1"));
        store.add(transaction("tx-2", "token-2"));
        store.add(bobs);
        complete("tx-2");

        assertThat(store.removeByUser(new UserId("auth0|alice"))).isEqualTo(2);

        assertThat(store.findByTokenHash(SecretHash.of("token-1"))).isEmpty();
        assertThat(store.findByTokenHash(SecretHash.of("token-2"))).isEmpty();
        assertThat(complete("tx-1")).as("a removed mfa_token cannot complete").isFalse();
        assertThat(store.reserveAttempt(new TransactionId("tx-1"), BUDGET)).isFalse();
        assertThat(store.findByTokenHash(SecretHash.of("token-3"))).containsExactly(bobs);
        assertThat(store.removeByUser(new UserId("auth0|alice"))).isZero();
    }

    @Test
    public void findsATransactionByTheHashOfItsToken() {
        MfaTransaction full = transaction("tx-1", "token-1");
        MfaTransaction bare = new MfaTransaction(new TransactionId("tx-2"), SecretHash.of("token-2"),
                new UserId("auth0|bob"), new ClientId("client-2"), Option.none(), Scope.EMPTY, Option.none(),
                T0.plusSeconds(5), T0.plusSeconds(605), 0, false);
        store.add(full);
        store.add(bare);

        assertThat(store.findByTokenHash(SecretHash.of("token-1"))).containsExactly(full);
        assertThat(store.findByTokenHash(SecretHash.of("token-2"))).containsExactly(bare);
        assertThat(store.findByTokenHash(SecretHash.of("token-3"))).isEmpty();
    }

    private static MfaTransaction expiringAt(String id, String token, Instant expiresAt) {
        MfaTransaction t = transaction(id, token);
        return new MfaTransaction(t.id(), t.tokenHash(), t.userId(), t.clientId(), t.audience(), t.scope(), t.realm(),
                t.createdAt(), expiresAt, t.failedAttempts(), t.completed());
    }

    @Test
    public void removesOnlyTransactionsThatExpiredBeforeTheCutoff() {
        Instant cutoff = T0.plus(Duration.ofHours(1));
        store.add(expiringAt("tx-old", "token-old", cutoff.minusSeconds(1)));
        store.add(expiringAt("tx-done", "token-done", T0.plusSeconds(600)));
        complete("tx-done");
        MfaTransaction atCutoff = expiringAt("tx-edge", "token-edge", cutoff);
        MfaTransaction open = expiringAt("tx-open", "token-open", cutoff.plusSeconds(600));
        store.add(atCutoff);
        store.add(open);

        assertThat(store.removeExpired(cutoff)).isEqualTo(2);

        assertThat(store.findByTokenHash(SecretHash.of("token-old"))).isEmpty();
        assertThat(store.findByTokenHash(SecretHash.of("token-done"))).isEmpty();
        assertThat(store.findByTokenHash(SecretHash.of("token-edge"))).containsExactly(atCutoff);
        assertThat(store.findByTokenHash(SecretHash.of("token-open"))).containsExactly(open);
        assertThat(store.reserveAttempt(open.id(), 1)).as("the kept one still counts attempts").isTrue();
        assertThat(store.removeExpired(cutoff)).isZero();
    }

    @Test
    public void completesATransactionOnce() {
        store.add(transaction("tx-1", "token-1"));

        assertThat(complete("tx-1")).isTrue();
        assertThat(complete("tx-1")).isFalse();

        assertThat(store.findByTokenHash(SecretHash.of("token-1")).map(MfaTransaction::completed))
                .containsExactly(true);
        assertThat(auditedEvents("mfa.success", "tx-1")).as("recorded by the completing call only").isEqualTo(1);
        assertThat(auditedEvents("mfa.verified", "tx-1")).as("every event, in the same step").isEqualTo(1);
    }

    @Test
    public void completesNothingForAnUnknownId() {
        assertThat(complete("no-such-tx")).isFalse();
        assertThat(auditedEvents("mfa.success", "no-such-tx")).isZero();
        assertThat(auditedEvents("mfa.verified", "no-such-tx")).isZero();
    }

    @Test
    public void reservesAttemptsUpToTheBudgetAndNoMore() {
        store.add(transaction("tx-1", "token-1"));
        store.add(transaction("tx-2", "token-2"));
        TransactionId id = new TransactionId("tx-1");

        assertThat(List.of(store.reserveAttempt(id, 3), store.reserveAttempt(id, 3), store.reserveAttempt(id, 3),
                store.reserveAttempt(id, 3))).containsExactly(true, true, true, false);

        assertThat(store.findByTokenHash(SecretHash.of("token-1")).map(MfaTransaction::failedAttempts)).as("the refused call counted nothing").containsExactly(3);
        assertThat(store.findByTokenHash(SecretHash.of("token-2")).map(MfaTransaction::failedAttempts)).containsExactly(0);
        assertThat(store.reserveAttempt(new TransactionId("no-such-transaction"), 3)).isFalse();
    }

    private static AttemptBucket charged(String key, int tokens, long version) {
        return new AttemptBucket(key, tokens, T0.plusSeconds(version), 1, version);
    }

    @Test
    public void countsTheAttemptAndSavesTheChargedBucketInOneStep() {
        AttemptCounterStore buckets = bucketsBeside();
        store.add(transaction("tx-1", "token-1"));
        TransactionId id = new TransactionId("tx-1");

        assertThat(store.reserveAttempt(id, 3, charged("mfa-failures:alice", 9, 1), buckets)).isEqualTo(Reservation.RESERVED);
        assertThat(store.reserveAttempt(id, 3, charged("mfa-failures:alice", 8, 2), buckets)).isEqualTo(Reservation.RESERVED);
        assertThat(buckets.find("mfa-failures:alice")).containsExactly(charged("mfa-failures:alice", 8, 2));
        assertThat(store.reserveAttempt(id, 3, charged("mfa-failures:alice", 7, 2), buckets))
                .as("a stale version: the attempt counts, the bucket is not saved")
                .isEqualTo(Reservation.COUNTED_BUCKET_CHANGED);
        assertThat(store.reserveAttempt(id, 3, charged("mfa-failures:alice", 7, 1), buckets))
                .as("a first version when one is stored").isEqualTo(Reservation.SPENT);

        assertThat(buckets.find("mfa-failures:alice")).containsExactly(charged("mfa-failures:alice", 8, 2));
        assertThat(store.findByTokenHash(SecretHash.of("token-1")).map(MfaTransaction::failedAttempts)).containsExactly(3);
    }

    @Test
    public void savesNoBucketWhenTheLoginsBudgetIsSpent() {
        AttemptCounterStore buckets = bucketsBeside();
        store.add(transaction("tx-1", "token-1"));
        TransactionId id = new TransactionId("tx-1");

        assertThat(store.reserveAttempt(id, 1, charged("mfa-failures:alice", 9, 1), buckets)).isEqualTo(Reservation.RESERVED);
        assertThat(store.reserveAttempt(id, 1, charged("mfa-failures:alice", 8, 2), buckets)).isEqualTo(Reservation.SPENT);
        assertThat(store.reserveAttempt(new TransactionId("no-such-tx"), 1, charged("mfa-failures:bob", 9, 1), buckets))
                .isEqualTo(Reservation.SPENT);

        assertThat(buckets.find("mfa-failures:alice")).as("the refused call saved nothing")
                .containsExactly(charged("mfa-failures:alice", 9, 1));
        assertThat(buckets.find("mfa-failures:bob")).isEmpty();
        assertThat(store.findByTokenHash(SecretHash.of("token-1")).map(MfaTransaction::failedAttempts)).containsExactly(1);
    }

    @Test
    public void countsExactlyTheBudgetAndSavesOneBucketVersionWhenThreadsRace() {
        AttemptCounterStore buckets = bucketsBeside();
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                TransactionId id = new TransactionId("tx-both-" + round);
                store.add(transaction(id.value(), "token-both-" + round));
                String key = "mfa-failures:racer-" + round;
                List<Reservation> outcomes = race.run(thread -> store.reserveAttempt(id, BUDGET, charged(key, 9, 1), buckets));

                assertThat(outcomes).as("round %d", round).filteredOn(r -> r != Reservation.SPENT).hasSize(BUDGET);
                assertThat(outcomes).as("round %d: one first version saved", round)
                        .filteredOn(r -> r == Reservation.RESERVED).hasSize(1);
                assertThat(store.findByTokenHash(SecretHash.of("token-both-" + round)).map(MfaTransaction::failedAttempts))
                        .as("round %d", round).containsExactly(BUDGET);
                assertThat(buckets.find(key)).as("round %d", round).containsExactly(charged(key, 9, 1));
            }
        }
    }

    private static AttemptBucket givenBack(String key, long version) {
        return new AttemptBucket(key, 10, T0.plusSeconds(version), 0, version);
    }

    @Test
    public void completesAndSavesTheBucketAlongsideInOneStep() {
        AttemptCounterStore buckets = bucketsBeside();
        store.add(transaction("tx-1", "token-1"));
        TransactionId id = new TransactionId("tx-1");
        assertThat(buckets.compareAndSet(charged("mfa-failures:alice", 9, 1))).isTrue();

        assertThat(store.complete(id, success(id), new TransactionStore.BucketWrite(givenBack("mfa-failures:alice", 2), buckets)))
                .isEqualTo(new TransactionStore.Completion(true, true));
        assertThat(store.complete(id, success(id), new TransactionStore.BucketWrite(givenBack("mfa-failures:alice", 3), buckets)))
                .as("the completion lost, the bucket is saved all the same")
                .isEqualTo(new TransactionStore.Completion(false, true));
        assertThat(store.complete(id, success(id), new TransactionStore.BucketWrite(givenBack("mfa-failures:alice", 3), buckets)))
                .as("a stale version").isEqualTo(new TransactionStore.Completion(false, false));
        TransactionId other = new TransactionId("tx-2");
        store.add(transaction("tx-2", "token-2"));
        assertThat(store.complete(other, success(other), new TransactionStore.BucketWrite(givenBack("mfa-failures:bob", 1), buckets)))
                .as("a first version is inserted").isEqualTo(new TransactionStore.Completion(true, true));

        assertThat(buckets.find("mfa-failures:alice")).containsExactly(givenBack("mfa-failures:alice", 3));
        assertThat(buckets.find("mfa-failures:bob")).containsExactly(givenBack("mfa-failures:bob", 1));
        assertThat(auditedEvents("mfa.success", "tx-1")).as("recorded by the completing call only").isEqualTo(1);
        assertThat(auditedEvents("mfa.verified", "tx-1")).isEqualTo(1);
    }

    @Test
    public void completesOnceAndSavesOneBucketVersionWhenThreadsRace() {
        AttemptCounterStore buckets = bucketsBeside();
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                TransactionId id = new TransactionId("tx-back-" + round);
                store.add(transaction(id.value(), "token-back-" + round));
                String key = "mfa-failures:back-" + round;
                assertThat(buckets.compareAndSet(charged(key, 9, 1))).isTrue();
                List<TransactionStore.Completion> outcomes = race.run(thread -> store.complete(id, success(id),
                        new TransactionStore.BucketWrite(givenBack(key, 2), buckets)));

                assertThat(outcomes).as("round %d", round).filteredOn(TransactionStore.Completion::completed).hasSize(1);
                assertThat(outcomes).as("round %d", round).filteredOn(TransactionStore.Completion::bucketSaved).hasSize(1);
                assertThat(buckets.find(key)).as("round %d", round).containsExactly(givenBack(key, 2));
                assertThat(auditedEvents("mfa.success", id.value())).as("round %d", round).isEqualTo(1);
            }
        }
    }

    @Test
    public void completesOnceWhenThreadsRace() {
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                TransactionId id = new TransactionId("tx-" + round);
                store.add(transaction(id.value(), "token-" + round));
                assertThat(race.countWinners(thread -> store.complete(id, success(id)))).as("round %d", round).isEqualTo(1);
                assertThat(auditedEvents("mfa.success", id.value())).as("round %d", round).isEqualTo(1);
                assertThat(auditedEvents("mfa.verified", id.value())).as("round %d", round).isEqualTo(1);
            }
        }
    }

    @Test
    public void reservesExactlyTheBudgetWhenThreadsRace() {
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                TransactionId id = new TransactionId("tx-race-" + round);
                store.add(transaction(id.value(), "token-race-" + round));
                assertThat(race.countWinners(thread -> store.reserveAttempt(id, BUDGET))).as("round %d", round)
                        .isEqualTo(BUDGET);
            }
        }
    }
}
