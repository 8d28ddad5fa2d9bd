package io.twofold.mfa.contract;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.AuthenticatorNotes;
import io.twofold.mfa.model.Enrollment;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.twofold.mfa.fake.Authenticators.id;
import static io.twofold.mfa.fake.Authenticators.pending;
import static io.twofold.mfa.fake.Authenticators.pendingEmail;
import static io.twofold.mfa.fake.Authenticators.pendingRecoveryCode;
import static io.twofold.mfa.fake.Authenticators.pendingSms;
import static io.twofold.mfa.fake.Authenticators.pendingTotp;
import static io.twofold.mfa.fake.Authenticators.pendingVoice;
import static io.twofold.mfa.fake.Authenticators.seed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AuthenticatorStore} must do, from its Javadoc. Extend it with a fresh, empty store
 * per test; the races it inherits from {@link AuthenticatorStoreConcurrencyContract} run too.
 */
public abstract class AuthenticatorStoreContract extends AuthenticatorStoreConcurrencyContract {

    @Test
    public void roundTripsAPendingTotpAuthenticatorAndItsSeed() {
        PendingAuthenticator totp = pendingTotp(ALICE, 1, seed(7), T0);
        store.add(totp);

        Authenticator found = store.find(ALICE, totp.id()).get();
        assertThat(found).isEqualTo(totp);
        assertThat(((Factor.Totp) found.factor()).seed().bytes()).isEqualTo(seed(7).bytes());
        assertThat(((PendingAuthenticator) found).expiresAt()).isEqualTo(totp.expiresAt());
    }

    @Test
    public void roundTripsAnImportedTotpAuthenticatorsOwnParameters() {
        TotpParameters keycloak = new TotpParameters(TotpParameters.Algorithm.SHA512, 8, 60);
        ActiveAuthenticator imported = new ActiveAuthenticator(id(AuthenticatorKind.TOTP, 9), ALICE,
                new Factor.Totp(seed(9), keycloak), T0, T0);
        store.addConfirmed(imported, io.vavr.control.Option.some("phone app"));

        Factor.Totp found = (Factor.Totp) store.find(ALICE, imported.id()).get().factor();
        assertThat(found.parameters()).isEqualTo(keycloak);
        assertThat(found.seed()).isEqualTo(seed(9));
        assertThat(((Factor.Totp) pendingTotp(ALICE, 1, seed(7), T0).factor()).parameters())
                .isEqualTo(TotpParameters.DEFAULT);
    }

    @Test
    public void roundTripsHowAnEnrollmentWasBegun() {
        PendingAuthenticator factor = pending(id(AuthenticatorKind.SMS, 5), ALICE,
                Factor.Oob.phone(OobChannel.SMS, new PhoneNumber("+15551234567")), T0,
                Enrollment.throughLogin(new TransactionId("tx-enroll")));
        PendingAuthenticator recovery = pending(id(AuthenticatorKind.RECOVERY_CODE, 6), ALICE,
                new Factor.RecoveryCode(SecretHash.of("Q7TXK2M9WRZ4HC8LNVB3PD6F")), T0,
                factor.enrollment().companionOf(factor.id()));
        store.add(factor);
        store.add(recovery);

        assertThat(store.find(ALICE, factor.id())).containsExactly(factor);
        assertThat(store.find(ALICE, recovery.id())).containsExactly(recovery);
        assertThat(store.findByUser(ALICE)).containsExactly(factor, recovery);
    }

    @Test
    public void activatesAFirstFactorOnlyWhileTheUserHasNoActiveOne() {
        PendingAuthenticator recovery = pendingRecoveryCode(ALICE, 1, "Q7TXK2M9WRZ4HC8LNVB3PD6F", T0);
        PendingAuthenticator first = pendingTotp(ALICE, 2, seed(2), T0);
        PendingAuthenticator second = pendingSms(ALICE, 3, "+15551234567", T0);
        PendingAuthenticator bobs = pendingTotp(BOB, 4, seed(4), T0);
        List.of(recovery, first, second, bobs).forEach(store::add);
        store.activate(recovery.confirm(T0));

        assertThat(store.activateFirst(first.confirm(T0.plusSeconds(1)))).as("a recovery code does not count").isTrue();
        assertThat(store.activateFirst(second.confirm(T0.plusSeconds(2)))).isFalse();
        assertThat(store.activateFirst(new ActiveAuthenticator(bobs.id(), ALICE, bobs.factor(), T0, T0)))
                .as("another user's authenticator").isFalse();
        assertThat(store.activateFirst(bobs.confirm(T0))).isTrue();
        assertThat(store.find(ALICE, second.id()).map(Authenticator::isActive)).containsExactly(false);
    }

    @Test
    public void activatesAFirstFactorBesideActiveOnesOfUncountedKinds() {
        PendingAuthenticator totp = pendingTotp(ALICE, 1, seed(1), T0);
        PendingAuthenticator sms = pendingSms(ALICE, 2, "+15551234567", T0);
        List.of(totp, sms).forEach(store::add);
        store.activate(totp.confirm(T0));

        assertThat(store.activateFirst(sms.confirm(T0.plusSeconds(1)), io.vavr.collection.HashSet.of(AuthenticatorKind.EMAIL)))
                .as("an active TOTP counts unless TOTP is uncounted").isFalse();
        assertThat(store.activateFirst(sms.confirm(T0.plusSeconds(1)), io.vavr.collection.HashSet.of(AuthenticatorKind.TOTP)))
                .isTrue();
    }

    @Test
    public void discardsOnlyTheUsersPendingAuthenticators() {
        PendingAuthenticator active = pendingTotp(ALICE, 1, seed(1), T0);
        PendingAuthenticator pendingOne = pendingSms(ALICE, 2, "+15551234567", T0);
        PendingAuthenticator pendingTwo = pendingRecoveryCode(ALICE, 3, "Q7TXK2M9WRZ4HC8LNVB3PD6F", T0);
        PendingAuthenticator bobs = pendingTotp(BOB, 4, seed(4), T0);
        List.of(active, pendingOne, pendingTwo, bobs).forEach(store::add);
        store.activate(active.confirm(T0));

        assertThat(store.discardPending(ALICE)).isEqualTo(2);

        assertThat(store.findByUser(ALICE).map(Authenticator::id)).containsExactly(active.id());
        assertThat(store.findByUser(BOB)).containsExactly(bobs);
        assertThat(store.discardPending(ALICE)).isZero();
    }

    @Test
    public void roundTripsOutOfBandAddressesAndTheRecoveryCodeHash() {
        List<PendingAuthenticator> all = List.of(
                pendingSms(ALICE, 2, "+15551234567", T0),
                pendingVoice(ALICE, 2, "+15551234567", T0.plusSeconds(1)),
                pendingEmail(ALICE, 3, "alice@example.com", T0.plusSeconds(2)),
                pendingRecoveryCode(ALICE, 4, "Q7TXK2M9WRZ4HC8LNVB3PD6F", T0.plusSeconds(3)));
        all.forEach(store::add);

        all.forEach(a -> assertThat(store.find(ALICE, a.id())).containsExactly(a));
        assertThat(store.find(ALICE, all.get(3).id()).get().factor())
                .isEqualTo(new Factor.RecoveryCode(SecretHash.of("Q7TXK2M9WRZ4HC8LNVB3PD6F")));
    }

    @Test
    public void findsNothingForAnUnknownIdOrAnotherUsersAuthenticator() {
        PendingAuthenticator bobs = pendingTotp(BOB, 1, seed(1), T0);
        store.add(bobs);

        assertThat(store.find(ALICE, bobs.id())).isEmpty();
        assertThat(store.find(BOB, id(AuthenticatorKind.TOTP, 99))).isEmpty();
        assertThat(store.findByUser(ALICE)).isEmpty();
    }

    @Test
    public void listsOnlyTheUsersAuthenticatorsOldestFirst() {
        PendingAuthenticator second = pendingEmail(ALICE, 2, "alice@example.com", T0.plusSeconds(60));
        PendingAuthenticator third = pendingSms(ALICE, 3, "+15551234567", T0.plusSeconds(120));
        PendingAuthenticator first = pendingTotp(ALICE, 1, seed(1), T0);
        store.add(second);
        store.add(pendingTotp(BOB, 4, seed(2), T0.minusSeconds(60)));
        store.add(third);
        store.add(first);
        store.activate(second.confirm(T0.plusSeconds(90)));

        assertThat(store.findByUser(ALICE).map(Authenticator::id)).containsExactly(first.id(), second.id(), third.id());
        assertThat(store.findByUser(ALICE).map(Authenticator::isActive)).containsExactly(false, true, false);
    }

    @Test
    public void activatesAPendingAuthenticatorExactlyOnce() {
        PendingAuthenticator totp = pendingTotp(ALICE, 1, seed(3), T0);
        store.add(totp);

        assertThat(store.activate(totp.confirm(T0.plusSeconds(30)))).isTrue();
        assertThat(store.activate(totp.confirm(T0.plusSeconds(45)))).isFalse();

        assertThat(store.find(ALICE, totp.id())).containsExactly(totp.confirm(T0.plusSeconds(30)));
        ActiveAuthenticator active = (ActiveAuthenticator) store.find(ALICE, totp.id()).get();
        assertThat(active.confirmedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(active.createdAt()).isEqualTo(T0);
    }

    @Test
    public void activatesNothingForAnUnknownId() {
        assertThat(store.activate(pendingTotp(ALICE, 42, seed(42), T0).confirm(T0))).isFalse();
    }

    @Test
    public void acceptsOnlyTotpStepsAboveTheLastAcceptedOne() {
        PendingAuthenticator totp = pendingTotp(ALICE, 1, seed(1), T0);
        store.add(totp);

        assertThat(store.acceptTotpStep(totp.id(), 1000, T0)).as("no step accepted yet").isTrue();
        assertThat(store.acceptTotpStep(totp.id(), 1000, T0)).isFalse();
        assertThat(store.acceptTotpStep(totp.id(), 999, T0)).isFalse();

        assertThat(store.acceptTotpStep(totp.id(), 1001, T0)).isTrue();
        assertThat(store.acceptTotpStep(totp.id(), 1001, T0)).isFalse();
    }

    @Test
    public void keepsTheLastAcceptedStepPerAuthenticatorAndAcrossActivation() {
        PendingAuthenticator one = pendingTotp(ALICE, 1, seed(1), T0);
        PendingAuthenticator two = pendingTotp(ALICE, 2, seed(2), T0);
        store.add(one);
        store.add(two);

        assertThat(store.acceptTotpStep(one.id(), 500, T0)).isTrue();
        assertThat(store.activate(one.confirm(T0.plusSeconds(30)))).isTrue();

        assertThat(store.acceptTotpStep(one.id(), 500, T0)).isFalse();
        assertThat(store.acceptTotpStep(two.id(), 400, T0)).as("the other authenticator's marker is its own").isTrue();
        assertThat(store.acceptTotpStep(id(AuthenticatorKind.TOTP, 77), 1, T0)).isFalse();
    }

    @Test
    public void replacesTheRecoveryCodeOnlyFromTheExpectedHash() {
        PendingAuthenticator recovery = pendingRecoveryCode(ALICE, 1, "first-code", T0);
        store.add(recovery);
        store.activate(recovery.confirm(T0.plusSeconds(10)));
        SecretHash first = SecretHash.of("first-code");
        SecretHash second = SecretHash.of("second-code");

        assertThat(store.replaceRecoveryCode(recovery.id(), SecretHash.of("wrong"), second, T0)).isFalse();
        assertThat(store.replaceRecoveryCode(recovery.id(), first, second, T0)).isTrue();
        assertThat(store.replaceRecoveryCode(recovery.id(), first, SecretHash.of("third-code"), T0)).isFalse();

        Authenticator stored = store.find(ALICE, recovery.id()).get();
        assertThat(stored.factor()).isEqualTo(new Factor.RecoveryCode(second));
        assertThat(stored.isActive()).isTrue();
        assertThat(((ActiveAuthenticator) stored).confirmedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    public void removesOnlyTheUsersOwnAuthenticatorsAndCountsThem() {
        PendingAuthenticator sms = pendingSms(ALICE, 1, "+15551234567", T0);
        PendingAuthenticator voice = pendingVoice(ALICE, 1, "+15551234567", T0);
        PendingAuthenticator email = pendingEmail(ALICE, 2, "alice@example.com", T0);
        PendingAuthenticator bobs = pendingTotp(BOB, 3, seed(1), T0);
        List.of(sms, voice, email, bobs).forEach(store::add);

        int removed = store.remove(ALICE, List.of(sms.id(), voice.id(), bobs.id(), id(AuthenticatorKind.TOTP, 99)));

        assertThat(removed).isEqualTo(2);
        assertThat(store.findByUser(ALICE).map(Authenticator::id)).containsExactly(email.id());
        assertThat(store.find(BOB, bobs.id())).containsExactly(bobs);
        assertThat(store.remove(ALICE, List.of(sms.id()))).isZero();
        assertThat(store.remove(ALICE, List.empty())).isZero();
    }

    @Test
    public void removesOnlyExpiredPendingAuthenticators() {
        Instant now = T0.plus(Duration.ofDays(2));
        PendingAuthenticator expired = pending(id(AuthenticatorKind.TOTP, 1), ALICE, new Factor.Totp(seed(1)),
                T0);
        PendingAuthenticator fresh = new PendingAuthenticator(id(AuthenticatorKind.TOTP, 2), ALICE,
                new Factor.Totp(seed(2)), now.minusSeconds(60), now.plusSeconds(3600), Enrollment.throughAccessToken());
        PendingAuthenticator confirmed = pendingTotp(BOB, 3, seed(3), T0);
        store.add(expired);
        store.add(fresh);
        store.add(confirmed);
        store.activate(confirmed.confirm(T0.plusSeconds(30)));

        assertThat(store.removeExpiredPending(now)).isEqualTo(1);

        assertThat(store.find(ALICE, expired.id())).isEmpty();
        assertThat(store.find(ALICE, fresh.id())).containsExactly(fresh);
        assertThat(store.find(BOB, confirmed.id()).map(Authenticator::isActive)).containsExactly(true);
        assertThat(store.removeExpiredPending(now)).isZero();
    }

    @Test
    public void storesAnAuthenticatorActiveAtOnceWithItsName() {
        ActiveAuthenticator totp = pendingTotp(ALICE, 1, seed(1), T0).confirm(T0);
        ActiveAuthenticator email = pendingEmail(ALICE, 2, "alice@example.com", T0).confirm(T0);
        store.addConfirmed(totp, Option.some("Alice's phone app"));
        store.addConfirmed(email, Option.none());

        assertThat(store.find(ALICE, totp.id())).containsExactly(totp);
        assertThat(((Factor.Totp) store.find(ALICE, totp.id()).get().factor()).seed().bytes()).isEqualTo(seed(1).bytes());
        assertThat(store.findByUser(ALICE)).containsExactly(totp, email);
        assertThat(store.notesByUser(ALICE)).containsOnly(
                Tuple.of(totp.id(), new AuthenticatorNotes(Option.some("Alice's phone app"), Option.none())),
                Tuple.of(email.id(), AuthenticatorNotes.NONE));
        assertThat(store.activate(totp)).as("already active").isFalse();
    }

    @Test
    public void findsEveryKindOfOneDeviceWhoeverItBelongsTo() {
        PendingAuthenticator sms = pendingSms(BOB, 1, "+15551234567", T0);
        PendingAuthenticator voice = pendingVoice(BOB, 1, "+15551234567", T0);
        PendingAuthenticator other = pendingTotp(BOB, 2, seed(2), T0);
        List.of(sms, voice, other).forEach(store::add);

        assertThat(store.findByDevice(sms.id().device())).containsExactlyInAnyOrder(sms, voice);
        assertThat(store.findByDevice("dev_0000000000000099")).isEmpty();
    }

    @Test
    public void namesOnlyTheUsersOwnAuthenticators() {
        PendingAuthenticator sms = pendingSms(ALICE, 1, "+15551234567", T0);
        PendingAuthenticator voice = pendingVoice(ALICE, 1, "+15551234567", T0);
        PendingAuthenticator bobs = pendingTotp(BOB, 2, seed(2), T0);
        List.of(sms, voice, bobs).forEach(store::add);

        assertThat(store.rename(ALICE, List.of(sms.id(), voice.id(), bobs.id()), Option.some("Work phone"))).isEqualTo(2);

        assertThat(store.notesByUser(ALICE).get(voice.id()).flatMap(AuthenticatorNotes::name)).containsExactly("Work phone");
        assertThat(store.notesByUser(BOB).get(bobs.id())).containsExactly(AuthenticatorNotes.NONE);
        assertThat(store.rename(ALICE, List.of(sms.id()), Option.none())).isEqualTo(1);
        assertThat(store.notesByUser(ALICE).get(sms.id()).flatMap(AuthenticatorNotes::name)).isEmpty();
        assertThat(store.rename(ALICE, List.empty(), Option.none())).isZero();
    }

    @Test
    public void recordsTheLastUseWithTheAcceptedStepAndTheSpentRecoveryCode() {
        PendingAuthenticator totp = pendingTotp(ALICE, 1, seed(1), T0);
        PendingAuthenticator recovery = pendingRecoveryCode(ALICE, 2, "first-code", T0);
        store.add(totp);
        store.add(recovery);

        store.acceptTotpStep(totp.id(), 100, T0.plusSeconds(5));
        store.acceptTotpStep(totp.id(), 100, T0.plusSeconds(9));
        store.replaceRecoveryCode(recovery.id(), SecretHash.of("first-code"), SecretHash.of("next"), T0.plusSeconds(7));

        assertThat(store.notesByUser(ALICE).get(totp.id()).flatMap(AuthenticatorNotes::lastUsedAt))
                .as("a refused step is no use").containsExactly(T0.plusSeconds(5));
        assertThat(store.notesByUser(ALICE).get(recovery.id()).flatMap(AuthenticatorNotes::lastUsedAt))
                .containsExactly(T0.plusSeconds(7));
    }

    @Test
    public void resettingTheRecoveryCodeLeavesOnlyTheNewOne() {
        PendingAuthenticator active = pendingRecoveryCode(ALICE, 1, "old-code", T0);
        PendingAuthenticator pendingOne = pendingRecoveryCode(ALICE, 2, "pending-code", T0);
        PendingAuthenticator bobs = pendingRecoveryCode(BOB, 3, "bobs-code", T0);
        PendingAuthenticator totp = pendingTotp(ALICE, 4, seed(4), T0);
        List.of(active, pendingOne, bobs, totp).forEach(store::add);
        store.activate(active.confirm(T0));
        ActiveAuthenticator fresh = pendingRecoveryCode(ALICE, 5, "new-code", T0).confirm(T0.plusSeconds(60));

        store.resetRecoveryCode(fresh);

        assertThat(store.findByUser(ALICE)).containsExactly(totp, fresh);
        assertThat(store.findByUser(BOB)).containsExactly(bobs);
    }
}
