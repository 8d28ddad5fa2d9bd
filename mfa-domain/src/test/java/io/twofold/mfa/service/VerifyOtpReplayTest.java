package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.InMemoryLoginStateStore;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.otp.RfcOneTimePasswords;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay protection rests on the store's compare-and-set alone: the verify path does not read the
 * last accepted step first (a round trip that decides nothing), yet replays still fail.
 */
class VerifyOtpReplayTest {
    private final MfaTestbed bed = new MfaTestbed();
    private final Association.Otp otp = bed.enrolledTotp();
    /** The use cases over the testbed's stores, except that asking for the last accepted step fails the test. */
    private final NoStepReads authenticators = new NoStepReads(bed.authenticators);
    private final MfaServices services = MfaServices.create(new MfaDependencies(bed.users, bed.clients,
            authenticators, bed.transactions, new InMemoryLoginStateStore(bed.transactions, authenticators, bed.counters),
            bed.challenges, bed.counters, bed.tokens,
            new RfcOneTimePasswords(bed.settings.otp(), new SeededRandomSource(7)), bed.sender, bed.sender, bed.sender,
            bed.unitOfWork, bed.audit, bed.clock, new SeededRandomSource(7), bed.settings));

    @Test
    void rejectsTheSameCodeTwiceWithoutReadingTheLastStep() {
        String code = bed.currentCode(otp.secret());

        assertThat(verify(bed.mfaToken(), code).isRight()).isTrue();
        assertThat(verify(bed.mfaToken(), code).getLeft()).isEqualTo(new MfaError.InvalidOtp());
    }

    @Test
    void rejectsAnEarlierStepsCodeWithoutReadingTheLastStep() {
        bed.nextStep();
        String earlier = bed.codeAt(otp.secret(), bed.clock.instant().minus(Duration.ofSeconds(30)));

        assertThat(verify(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
        assertThat(verify(bed.mfaToken(), earlier).getLeft()).isEqualTo(new MfaError.InvalidOtp());
    }

    @Test
    void acceptsALaterStepAfterAnEarlierOne() {
        bed.nextStep();
        String earlier = bed.codeAt(otp.secret(), bed.clock.instant().minus(Duration.ofSeconds(30)));

        assertThat(verify(bed.mfaToken(), earlier).isRight()).isTrue();
        assertThat(verify(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
    }

    @Test
    void chargesAReplayedCodeAsAWrongOne() {
        String code = bed.currentCode(otp.secret());
        assertThat(verify(bed.mfaToken(), code).isRight()).isTrue();
        String second = bed.mfaToken();
        int failuresBefore = bed.audit.eventsOfType("mfa.failure").size();

        assertThat(verify(second, code).getLeft()).isEqualTo(new MfaError.InvalidOtp());

        assertThat(bed.transactions.findByTokenHash(SecretHash.of(second)).get().failedAttempts()).isEqualTo(1);
        assertThat(bed.audit.eventsOfType("mfa.failure")).hasSize(failuresBefore + 1);
    }

    private Either<MfaError, IssuedTokens> verify(String mfaToken, String code) {
        return services.verifyOtp().verify(new VerifyOtpCommand(bed.app, mfaToken, code));
    }

    /** Delegates everything but {@link #lastAcceptedStep}, which the verify path must not need. */
    private record NoStepReads(AuthenticatorStore store) implements AuthenticatorStore {
        @Override
        public void add(PendingAuthenticator authenticator) {
            store.add(authenticator);
        }

        @Override
        public List<Authenticator> findByUser(UserId user) {
            return store.findByUser(user);
        }

        @Override
        public Option<Authenticator> find(UserId user, AuthenticatorId id) {
            return store.find(user, id);
        }

        @Override
        public boolean activate(AuthenticatorId id, Instant at) {
            return store.activate(id, at);
        }

        @Override
        public boolean activateFirst(UserId user, AuthenticatorId id, Instant at) {
            return store.activateFirst(user, id, at);
        }

        @Override
        public int discardPending(UserId user) {
            return store.discardPending(user);
        }

        @Override
        public boolean acceptTotpStep(AuthenticatorId id, long step) {
            return store.acceptTotpStep(id, step);
        }

        @Override
        public Option<Long> lastAcceptedStep(AuthenticatorId id) {
            throw new AssertionError("the verify path read the last accepted step");
        }

        @Override
        public boolean replaceRecoveryCode(AuthenticatorId id, SecretHash expected, SecretHash replacement) {
            return store.replaceRecoveryCode(id, expected, replacement);
        }

        @Override
        public int remove(UserId user, List<AuthenticatorId> ids) {
            return store.remove(user, ids);
        }

        @Override
        public int removeExpiredPending(Instant now) {
            return store.removeExpiredPending(now);
        }
    }
}
