package io.twofold.mfa.contract;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.error.MfaError.TooManySends.Limit;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.policy.SendLimit;
import io.twofold.mfa.policy.SendLimits;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.RequestOrigin;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.usecase.MfaTestbed;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send limits hold exactly when {@link Race#THREADS} enrollments start at once, with the buckets
 * in the given {@link AttemptCounterStore} (everything else in memory): the store's compare-and-set
 * is all that keeps a burst within a limit shared by several nodes. Extend it with a fresh, empty store.
 */
public abstract class SendLimitsRaceContract {
    private static final int ROUNDS = 10;
    private static final SendLimit GENEROUS = new SendLimit(1_000, Duration.ofSeconds(1));

    /** A fresh, empty store; called once per test. */
    protected abstract AttemptCounterStore newStore();

    private MfaTestbed bed(SendLimits limits) {
        return new MfaTestbed(MfaSettings.defaults("Twofold Test").withSends(limits), newStore());
    }

    /** An {@code mfa_token} for each racing thread, each of a user of its own. */
    private static List<String> newUsers(MfaTestbed bed, int round) {
        return IntStream.range(0, Race.THREADS).mapToObj(i -> bed.newUserMfaToken("r" + round + "u" + i)).toList();
    }

    private static String phone(int round, int thread) {
        return "+1555" + (1_000_000 + round * 1_000 + thread);
    }

    private static long sent(List<Either<MfaError, Association>> results) {
        return results.stream().filter(Either::isRight).count();
    }

    @Test
    public void sendsExactlyTheBurstOfOneNumberWhenManyUsersEnrollItAtOnce() {
        MfaTestbed bed = bed(new SendLimits(GENEROUS, new SendLimit(5, Duration.ofMinutes(10)), GENEROUS, GENEROUS,
                CallingCodes.ANY));
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> mfaTokens = newUsers(bed, round);
                String phone = phone(round, 0);

                List<Either<MfaError, Association>> results = race.run(i ->
                        bed.associateOob(mfaTokens.get(i), "sms", phone, RequestOrigin.UNKNOWN));

                assertThat(sent(results)).as("round %d", round).isEqualTo(5);
                assertThat(results).filteredOn(Either::isLeft).extracting(Either::getLeft)
                        .containsOnly(new MfaError.TooManySends(Limit.DESTINATION));
                assertThat(bed.sender.messagesTo(phone)).hasSize(5);
            }
        }
    }

    /**
     * Every thread passes its own user and number buckets (one code each), then meets the global cap:
     * exactly the cap is sent, and each refused thread got its user and number tokens back, which is
     * what lets it send later, one global refill at a time, long before those buckets refill (and
     * before the {@code mfa_token}s expire).
     */
    @Test
    public void sendsExactlyTheGlobalCapAndGivesBackWhatTheRefusedSendsTook() {
        SendLimit oncePerDay = new SendLimit(1, Duration.ofHours(24));
        Duration globalRefill = Duration.ofSeconds(10);
        int cap = 7;
        MfaTestbed bed = bed(new SendLimits(oncePerDay, oncePerDay, GENEROUS, new SendLimit(cap, globalRefill),
                CallingCodes.ANY));
        try (Race race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                int r = round;
                List<String> mfaTokens = newUsers(bed, round);

                List<Either<MfaError, Association>> results = race.run(i ->
                        bed.associateOob(mfaTokens.get(i), "sms", phone(r, i), RequestOrigin.UNKNOWN));

                assertThat(sent(results)).as("round %d", round).isEqualTo(cap);
                assertThat(results).filteredOn(Either::isLeft).extracting(Either::getLeft)
                        .containsOnly(new MfaError.TooManySends(Limit.GLOBAL));
                for (int i = 0; i < Race.THREADS; i++) {
                    if (results.get(i).isLeft()) {
                        bed.advance(globalRefill);
                        assertThat(bed.associateOob(mfaTokens.get(i), "sms", phone(r, i), RequestOrigin.UNKNOWN)
                                .isRight()).as("round %d, thread %d sends later", round, i).isTrue();
                    }
                }
                assertThat(bed.sender.messages()).hasSize((round + 1) * Race.THREADS);
                bed.advance(globalRefill.multipliedBy(cap));
            }
        }
    }
}
