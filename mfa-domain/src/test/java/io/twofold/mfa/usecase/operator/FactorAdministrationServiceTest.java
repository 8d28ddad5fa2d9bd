package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.twofold.mfa.port.in.operator.FactorAdministration;
import io.twofold.mfa.port.in.operator.FactorChange;
import io.twofold.mfa.port.in.operator.FactorRequest;
import io.twofold.mfa.testing.SeededRandomSource;
import io.twofold.mfa.usecase.MfaTestbed;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static io.twofold.mfa.fake.Authenticators.pendingTotp;
import static io.twofold.mfa.fake.Authenticators.seed;
import static org.assertj.core.api.Assertions.assertThat;

class FactorAdministrationServiceTest {
    static final ClientId OPERATOR = new ClientId("operator-cli");
    static final String SECRET = "JBSWY3DPEHPK3PXP";
    static final String SECRET_39 = "5HCWXIP2MJNSUBGYVUZFLRB2HWIGXR4SYJQXNBQ";

    final MfaTestbed bed = new MfaTestbed();
    final UserId alice = bed.alice.id();
    final FactorAdministration factors = operations(CallingCodes.ANY).factors();

    FactorOperations operations(CallingCodes countries) {
        return FactorOperations.of(bed.users, bed.authenticators, bed.challenges, bed.unitOfWork, bed.audit,
                new SeededRandomSource(7), countries, bed.clock);
    }

    static FactorRequest totp(String secret) {
        return new FactorRequest(Option.some("totp"), Option.some("Work app"), Option.of(secret), Option.none(),
                Option.none(), Option.none());
    }

    static FactorRequest phone(String number, String preferred) {
        return new FactorRequest(Option.some("phone"), Option.none(), Option.none(), Option.some(number), Option.none(),
                Option.of(preferred));
    }

    static FactorRequest email(String address) {
        return new FactorRequest(Option.some("email"), Option.none(), Option.none(), Option.none(), Option.some(address),
                Option.none());
    }

    String invalid(FactorRequest request) {
        return ((OperatorError.InvalidInput) factors.add(OPERATOR, alice, request).getLeft()).message();
    }

    @Test
    void anImportedTotpSeedIsActiveAtOnceAndProvesALogin() {
        ManagedFactor added = factors.add(OPERATOR, alice, totp(SECRET)).get();

        assertThat(added.confirmed()).isTrue();
        assertThat(added.type()).isEqualTo(FactorType.OTP);
        assertThat(added.name()).containsExactly("Work app");
        assertThat(bed.authenticators.findByUser(alice)).hasSize(1).allMatch(Authenticator::isActive);
        String mfaToken = bed.mfaToken();
        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(SECRET)).isRight()).isTrue();
        assertThat(factors.find(alice, added.authenticators().head().value()).get().lastUsedAt())
                .containsExactly(bed.clock.instant());
    }

    @Test
    void auditsTheActorAndTheUserWithIdsOnly() {
        ManagedFactor added = factors.add(OPERATOR, alice, totp(SECRET)).get();

        AuditEvent event = bed.audit.eventsOfType("mgmt.authentication_method.created").single();
        assertThat(event.client()).containsExactly(OPERATOR);
        assertThat(event.user()).containsExactly(alice);
        assertThat(event.details().values()).containsExactly(added.authenticators().head().value());
    }

    @Test
    void acceptsBase32SeedsOfAnyWholeLengthFrom80Bits() {
        assertThat(factors.add(OPERATOR, alice, totp(SECRET_39)).isRight()).isTrue();
        assertThat(factors.add(OPERATOR, alice, totp(SECRET.toLowerCase())).isRight()).isTrue();
        assertThat(factors.add(OPERATOR, alice, totp("GEZDGNBVGY3TQOJQ====")).isRight()).as("padded").isTrue();
    }

    @Test
    void refusesSeedsThatAreNotBase32OrTooShortOrMissing() {
        assertThat(invalid(totp("JBSWY3DPEHPK3PX1"))).contains("base32");
        assertThat(invalid(totp("JBSWY3DPEHPK3"))).contains("80");
        assertThat(invalid(totp("A".repeat(104)))).contains("512");
        assertThat(invalid(totp("JBSWY3DPE"))).as("an impossible length").contains("base32");
        assertThat(invalid(totp(null))).contains("totp_secret is required");
        assertThat(bed.authenticators.findByUser(alice)).isEmpty();
        assertThat(bed.audit.eventsOfType("mgmt.authentication_method.created")).isEmpty();
    }

    @Test
    void refusesTypesItDoesNotSupport() {
        assertThat(invalid(new FactorRequest(Option.some("webauthn-roaming"), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none()))).contains("not supported");
        assertThat(invalid(new FactorRequest(Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none()))).contains("type is required");
    }

    @Test
    void aPhoneFollowsTheMfaApisCountryRule() {
        FactorAdministration ukOnly = operations(CallingCodes.parse("+44").get()).factors();

        assertThat(ukOnly.add(OPERATOR, alice, phone("+15551234567", "sms")).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(ukOnly.add(OPERATOR, alice, phone("+44 20 7183 875044", "voice")).get().preferredChannel())
                .containsExactly(OobChannel.VOICE);
        assertThat(invalid(phone("555", "sms"))).contains("E.164");
        assertThat(invalid(phone("+15551234567", "email"))).contains("sms or voice");
        assertThat(invalid(email("not-an-address"))).contains("email");
    }

    @Test
    void findsAFactorByEveryFormOfItsId() {
        ManagedFactor phone = factors.add(OPERATOR, alice, phone("+15551234567", null)).get();
        String device = phone.device();

        assertThat(phone.preferredChannel()).containsExactly(OobChannel.SMS);
        List.of("phone|" + device, "sms|" + device, "voice|" + device, device).forEach(id ->
                assertThat(factors.find(alice, id).map(ManagedFactor::device).get()).isEqualTo(device));
        List.of("totp|" + device, "email|" + device, "phone|dev_x", "auth0|" + device, "").forEach(id ->
                assertThat(factors.find(alice, id).getLeft()).isEqualTo(new OperatorError.UnknownAuthenticationMethod()));
    }

    @Test
    void answersUnknownUserEverywhere() {
        UserId nobody = new UserId("auth0|nobody");
        OperatorError unknown = new OperatorError.UnknownUser();

        assertThat(factors.list(nobody, false).getLeft()).isEqualTo(unknown);
        assertThat(factors.add(OPERATOR, nobody, totp(SECRET)).getLeft()).isEqualTo(unknown);
        assertThat(factors.removeAll(OPERATOR, nobody).getLeft()).isEqualTo(unknown);
        assertThat(factors.regenerateRecoveryCode(OPERATOR, nobody).getLeft()).isEqualTo(unknown);
        assertThat(factors.forgetRememberedBrowsers(OPERATOR, nobody).getLeft()).isEqualTo(unknown);
        assertThat(bed.authenticators.findByUser(nobody)).isEmpty();
    }

    @Test
    void listsPendingEnrollmentsOnlyWhenAsked() {
        factors.add(OPERATOR, alice, email("alice@example.com"));
        bed.authenticators.add(pendingTotp(alice, 9, seed(9), bed.clock.instant()));

        assertThat(factors.list(alice, false).get().map(ManagedFactor::type)).containsExactly(FactorType.EMAIL);
        assertThat(factors.list(alice, true).get().map(ManagedFactor::confirmed)).containsExactly(true, false);
    }

    @Test
    void removingAPhoneKillsTheCodeAlreadySentToIt() {
        factors.add(OPERATOR, alice, totp(SECRET));
        ManagedFactor phone = factors.add(OPERATOR, alice, phone(MfaTestbed.PHONE, "sms")).get();
        String mfaToken = bed.mfaToken();
        Challenge.Oob sent = (Challenge.Oob) bed.services.challenge().challenge(new ChallengeCommand(bed.app, mfaToken,
                Option.of("oob"), Option.some(phone.authenticators().head().value()))).get();

        assertThat(factors.remove(OPERATOR, alice, "phone|" + phone.device()).get()).isEqualTo(1);

        assertThat(bed.verifyOob(mfaToken, sent.oobCode(), bed.sender.lastCodeTo(MfaTestbed.PHONE)).getLeft())
                .isEqualTo(new MfaError.MalformedOobCode());
        assertThat(bed.challenges.removeByAuthenticators(phone.authenticators())).as("already gone").isZero();
        assertThat(bed.audit.eventsOfType("mgmt.authentication_method.deleted")).hasSize(1);
    }

    @Test
    void removingTheLastRealFactorTakesTheRecoveryCodeAlong() {
        Association.Otp enrolled = bed.enrolledTotp();
        assertThat(enrolled.recoveryCode()).isNotEmpty();
        ManagedFactor totp = factors.list(alice, false).get().find(f -> f.type() == FactorType.OTP).get();

        factors.remove(OPERATOR, alice, "totp|" + totp.device());

        assertThat(bed.authenticators.findByUser(alice)).isEmpty();
        assertThat(MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), io.twofold.mfa.model.Scope.parse("openid")))
                .enrollTypes()).isNotEmpty();
    }

    @Test
    void removesEverythingOrOneProvider() {
        factors.add(OPERATOR, alice, totp(SECRET));
        factors.add(OPERATOR, alice, email("alice@example.com"));

        assertThat(factors.removeProvider(OPERATOR, alice, "duo").get()).isZero();
        assertThat(factors.removeProvider(OPERATOR, alice, "yubikey").getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(factors.removeProvider(OPERATOR, alice, "google-authenticator").get()).isEqualTo(1);
        assertThat(factors.list(alice, true).get().map(ManagedFactor::type)).containsExactly(FactorType.EMAIL);
        assertThat(factors.removeAll(OPERATOR, alice).get()).isEqualTo(1);
        assertThat(bed.authenticators.findByUser(alice)).isEmpty();
    }

    @Test
    void replacesAllFactorsAllOrNothingAndKeepsTheRecoveryCode() {
        bed.enrolledTotp();
        List<String> before = bed.authenticators.findByUser(alice).map(a -> a.id().value());

        assertThat(factors.replaceAll(OPERATOR, alice, List.of(email("a@example.com"), totp("bad!"))).isLeft()).isTrue();
        assertThat(bed.authenticators.findByUser(alice).map(a -> a.id().value())).isEqualTo(before);

        List<ManagedFactor> replaced = factors.replaceAll(OPERATOR, alice,
                List.of(email("a@example.com"), phone("+15551234567", "voice"))).get();

        assertThat(replaced.map(ManagedFactor::type)).containsExactly(FactorType.EMAIL, FactorType.PHONE);
        assertThat(bed.authenticators.findByUser(alice).map(a -> a.id().kind()))
                .containsExactlyInAnyOrder(AuthenticatorKind.RECOVERY_CODE, AuthenticatorKind.EMAIL, AuthenticatorKind.VOICE);
        assertThat(factors.replaceAll(OPERATOR, alice, List.empty()).get()).isEmpty();
        assertThat(bed.authenticators.findByUser(alice)).isEmpty();
    }

    @Test
    void renamesAFactorAndMovesAPhoneToTheOtherChannel() {
        ManagedFactor phone = factors.add(OPERATOR, alice, phone("+15551234567", "sms")).get();

        ManagedFactor updated = factors.update(OPERATOR, alice, "phone|" + phone.device(),
                new FactorChange(Option.some("Desk phone"), Option.some("voice"))).get();

        assertThat(updated.name()).containsExactly("Desk phone");
        assertThat(updated.preferredChannel()).containsExactly(OobChannel.VOICE);
        assertThat(updated.device()).isEqualTo(phone.device());
        assertThat(bed.authenticators.findByUser(alice).map(a -> a.id().kind())).containsExactly(AuthenticatorKind.VOICE);
        assertThat(factors.update(OPERATOR, alice, "phone|" + phone.device(),
                new FactorChange(Option.none(), Option.some("email"))).getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
        ManagedFactor email = factors.add(OPERATOR, alice, email("a@example.com")).get();
        assertThat(factors.update(OPERATOR, alice, email.device(), new FactorChange(Option.none(), Option.some("sms")))
                .getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
    }

    @Test
    void aRegeneratedRecoveryCodeReplacesTheOldOne() {
        Association.Otp enrolled = bed.enrolledTotp();
        String old = enrolled.recoveryCode().get();

        String fresh = factors.regenerateRecoveryCode(OPERATOR, alice).get();

        assertThat(fresh).hasSize(24).isNotEqualTo(old);
        assertThat(bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(), old))
                .getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());
        assertThat(bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(), fresh))
                .isRight()).isTrue();
        assertThat(bed.audit.eventsOfType("mgmt.recovery_code.regenerated").single().details().values())
                .noneMatch(value -> value.contains(fresh));
    }

    @Test
    void aRecoveryCodeNeedsAConfirmedFactorToStandFor() {
        assertThat(factors.regenerateRecoveryCode(OPERATOR, alice).getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(bed.authenticators.findByUser(alice)).isEmpty();
    }
}
