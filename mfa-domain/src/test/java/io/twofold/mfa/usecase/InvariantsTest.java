package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.policy.AttemptBudgets;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RecoveryLogin;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One nested class per security invariant of DESIGN.md, each proven through the use cases alone. */
class InvariantsTest {

    /** A testbed whose user bucket is large, so a test can isolate the per-transaction or per-challenge budget. */
    static MfaTestbed withBudgets(int userBucket, int maxConsecutive) {
        MfaSettings d = MfaSettings.defaults("Twofold Test");
        return new MfaTestbed(new MfaSettings(d.tenantName(), d.otp(), d.lifetimes(),
                new AttemptBudgets(10, 5, userBucket, Duration.ofMinutes(6), maxConsecutive, 50), d.passwords(),
                d.sends(), true));
    }

    static Challenge.Oob smsChallenge(MfaTestbed bed, String mfaToken) {
        return (Challenge.Oob) bed.services.challenge().challenge(
                new ChallengeCommand(bed.app, mfaToken, Option.of("oob"), Option.none())).get();
    }

    static String wrongBinding(MfaTestbed bed) {
        return bed.sender.lastCodeTo(MfaTestbed.PHONE).equals("000000") ? "111111" : "000000";
    }

    static void activeSms(MfaTestbed bed) {
        bed.authenticators.addActive(Authenticators.pendingSms(bed.alice.id(), 5, MfaTestbed.PHONE, bed.clock.instant()),
                bed.clock.instant());
    }

    @Nested
    class One_TotpCodesWorkOnce {
        private final MfaTestbed bed = new MfaTestbed();

        @Test
        void rejectsTheSameCodeTwice() {
            Association.Otp otp = bed.enrolledTotp();
            String code = bed.currentCode(otp.secret());

            assertThat(bed.verifyOtp(bed.mfaToken(), code).isRight()).isTrue();
            assertThat(bed.verifyOtp(bed.mfaToken(), code).getLeft()).isEqualTo(new MfaError.InvalidOtp());
        }

        @Test
        void rejectsAnEarlierStepsCodeOnceALaterOneWasAccepted() {
            Association.Otp otp = bed.enrolledTotp();
            bed.nextStep();
            String earlier = bed.codeAt(otp.secret(), bed.clock.instant().minus(Duration.ofSeconds(30)));

            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
            assertThat(bed.verifyOtp(bed.mfaToken(), earlier).getLeft()).isEqualTo(new MfaError.InvalidOtp());
        }

        @Test
        void letsOnlyOneOfTwoConcurrentRequestsWithTheSameCodeThrough() throws Exception {
            Association.Otp otp = bed.enrolledTotp();
            String code = bed.currentCode(otp.secret());
            List<String> tokens = List.of(bed.mfaToken(), bed.mfaToken(), bed.mfaToken(), bed.mfaToken());
            ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
            try {
                List<Callable<Boolean>> calls = tokens.map(t -> () -> bed.verifyOtp(t, code).isRight());
                List<Boolean> outcomes = List.ofAll(pool.invokeAll(calls.asJava())).map(InvariantsTest::join);
                assertThat(outcomes.count(Boolean::booleanValue)).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static Boolean join(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Two_PendingAuthenticatorsGrantNothing {
        private final MfaTestbed bed = new MfaTestbed();

        @Test
        void aUserWithOnlyPendingFactorsCannotBeChallenged() {
            bed.associateSms(bed.mfaToken(), MfaTestbed.PHONE).get();

            assertThat(bed.services.challenge().challenge(new ChallengeCommand(bed.app, bed.mfaToken(), Option.none(),
                    Option.none())).getLeft()).isEqualTo(new MfaError.NotEnrolled());
        }

        @Test
        void aPendingFactorBesideAnActiveOneCannotBeChallengedOrListedAsActive() {
            String accessToken = bed.mfaApiAccessToken(bed.enrolledTotp());
            Association pending = bed.associateSms(accessToken, MfaTestbed.PHONE).get();
            int sent = bed.sender.messages().size();
            String mfaToken = bed.mfaToken();

            assertThat(bed.services.challenge().challenge(new ChallengeCommand(bed.app, mfaToken, Option.none(),
                    Option.of(pending.authenticatorId().value()))).getLeft()).isInstanceOf(MfaError.InvalidRequest.class);
            assertThat(bed.services.challenge().challenge(new ChallengeCommand(bed.app, mfaToken, Option.of("oob"),
                    Option.none())).getLeft()).isInstanceOf(MfaError.UnsupportedChallengeType.class);
            assertThat(bed.sender.messages()).hasSize(sent);
            assertThat(bed.services.listAuthenticators().list(accessToken).get()
                    .find(v -> v.id().equals(pending.authenticatorId())).map(AuthenticatorView::active)).containsExactly(false);
            assertThat(MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), Scope.EMPTY)).challengeTypes())
                    .doesNotContain(FactorType.PHONE);
        }

        @Test
        void aFactorPlantedWithThePasswordDiesWhenTheUserConfirmsTheirOwn() {
            String attackers = bed.mfaToken();
            Association.Otp planted = (Association.Otp) bed.associateOtp(attackers).get();
            String users = bed.mfaToken();
            Association.Otp own = (Association.Otp) bed.associateOtp(users).get();
            assertThat(own.recoveryCode()).as("the user's enrollment brings its own recovery code").isNotEmpty();

            assertThat(bed.verifyOtp(users, bed.currentCode(own.secret())).isRight()).isTrue();

            assertThat(bed.authenticators.findByUser(bed.alice.id()).map(a -> a.id()))
                    .doesNotContain(planted.authenticatorId()).contains(own.authenticatorId()).hasSize(2);
            assertThat(bed.verifyOtp(attackers, bed.currentCode(planted.secret())).isLeft()).isTrue();
            assertThat(bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(),
                    planted.recoveryCode().get())).getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());
        }

        @Test
        void aPendingFactorIsConfirmedOnlyThroughTheLoginThatBeganIt() {
            String first = bed.mfaToken();
            Association.Otp otp = (Association.Otp) bed.associateOtp(first).get();

            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).getLeft())
                    .isEqualTo(new MfaError.NotEnrolled());
            assertThat(bed.verifyOtp(first, bed.currentCode(otp.secret())).isRight()).isTrue();
        }

        @Test
        void aLoginBegunFactorIsNotConfirmedOnceTheUserHasAnActiveOne() {
            String attackers = bed.mfaToken();
            Association.Otp planted = (Association.Otp) bed.associateOtp(attackers).get();
            // The user's own factor became active by a path that did not discard the plant (a race, say).
            bed.authenticators.addActive(Authenticators.pendingTotp(bed.alice.id(), 99,
                    Authenticators.seed(9), bed.clock.instant()), bed.clock.instant());

            assertThat(bed.verifyOtp(attackers, bed.currentCode(planted.secret())).getLeft())
                    .isEqualTo(new MfaError.InvalidOtp());
            assertThat(bed.authenticators.find(bed.alice.id(), planted.authenticatorId()).get().isActive()).isFalse();
        }

        @Test
        void anExpiredPendingFactorCannotEvenBeConfirmed() {
            String mfaToken = bed.mfaToken();
            Association.Otp otp = (Association.Otp) bed.associateOtp(mfaToken).get();
            bed.advance(Duration.ofHours(24));

            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).getLeft())
                    .isEqualTo(new MfaError.NotEnrolled());
        }
    }

    @Nested
    class Three_MfaTokensExpireAreBoundUsedUpAndBudgeted {
        @Test
        void expiresAfterTenMinutes() {
            MfaTestbed bed = new MfaTestbed();
            Association.Otp otp = bed.enrolledTotp();
            String mfaToken = bed.mfaToken();
            bed.advance(Duration.ofMinutes(10));

            assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).getLeft())
                    .isEqualTo(new MfaError.ExpiredMfaToken());
        }

        @Test
        void isBoundToItsClient() {
            MfaTestbed bed = new MfaTestbed();
            Association.Otp otp = bed.enrolledTotp();
            bed.clients.registerPublic("other", MfaPolicy.ALWAYS);

            assertThat(bed.services.verifyOtp().verify(new VerifyOtpCommand(
                    new ClientCredentials(new ClientId("other"), Option.none()), bed.mfaToken(),
                    bed.currentCode(otp.secret()))).getLeft()).isEqualTo(new MfaError.MalformedMfaToken());
        }

        @Test
        void isUsedUpByTheGrantThatCompletesIt() {
            MfaTestbed bed = new MfaTestbed();
            Association.Otp otp = bed.enrolledTotp();
            String mfaToken = bed.mfaToken();
            assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).isRight()).isTrue();
            bed.nextStep();

            assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).getLeft())
                    .isEqualTo(new MfaError.MalformedMfaToken());
        }

        @Test
        void refusesTheEleventhAttemptEvenWithTheRightCode() {
            MfaTestbed bed = withBudgets(1000, 1000);
            Association.Otp otp = bed.enrolledTotp();
            String mfaToken = bed.mfaToken();
            for (int i = 0; i < 10; i++) {
                assertThat(bed.verifyOtp(mfaToken, bed.wrongCode(otp.secret())).getLeft()).isEqualTo(new MfaError.InvalidOtp());
            }

            assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).getLeft())
                    .isEqualTo(new MfaError.TooManyAttempts());
            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight())
                    .as("a new login has a new budget").isTrue();
        }
    }

    @Nested
    class Four_OobCodesExpireWorkOnceAndAreBounded {
        @Test
        void expiresAfterFiveMinutes() {
            MfaTestbed bed = new MfaTestbed();
            activeSms(bed);
            String mfaToken = bed.mfaToken();
            Challenge.Oob oob = smsChallenge(bed, mfaToken);
            bed.advance(Duration.ofMinutes(5));

            assertThat(bed.verifyOob(mfaToken, oob.oobCode(), bed.sender.lastCodeTo(MfaTestbed.PHONE)).getLeft())
                    .isEqualTo(new MfaError.ExpiredOobCode());
        }

        @Test
        void worksOnce() {
            MfaTestbed bed = new MfaTestbed();
            activeSms(bed);
            Challenge.Oob oob = smsChallenge(bed, bed.mfaToken());
            String mfaToken = bed.mfaToken();
            String binding = bed.sender.lastCodeTo(MfaTestbed.PHONE);
            assertThat(bed.verifyOob(mfaToken, oob.oobCode(), binding).isRight())
                    .as("any open login of the same user may answer").isTrue();

            assertThat(bed.verifyOob(bed.mfaToken(), oob.oobCode(), binding).getLeft())
                    .isEqualTo(new MfaError.MalformedOobCode());
        }

        @Test
        void boundsWrongBindingCodesPerChallenge() {
            MfaTestbed bed = withBudgets(1000, 1000);
            activeSms(bed);
            String mfaToken = bed.mfaToken();
            Challenge.Oob oob = smsChallenge(bed, mfaToken);
            for (int i = 0; i < 5; i++) {
                bed.verifyOob(mfaToken, oob.oobCode(), wrongBinding(bed));
            }

            assertThat(bed.verifyOob(mfaToken, oob.oobCode(), bed.sender.lastCodeTo(MfaTestbed.PHONE)).getLeft())
                    .isEqualTo(new MfaError.TooManyAttempts());
        }

        @Test
        void aNewCodeDoesNotResetTheCount() {
            MfaTestbed bed = withBudgets(1000, 1000);
            activeSms(bed);
            String mfaToken = bed.mfaToken();
            for (int round = 0; round < 2; round++) {
                Challenge.Oob oob = smsChallenge(bed, mfaToken);
                for (int i = 0; i < 5; i++) {
                    assertThat(bed.verifyOob(mfaToken, oob.oobCode(), wrongBinding(bed)).getLeft())
                            .isEqualTo(new MfaError.InvalidBindingCode());
                }
            }

            assertThat(bed.services.challenge().challenge(new ChallengeCommand(bed.app, mfaToken, Option.of("oob"),
                    Option.none())).getLeft()).as("the transaction's ten are spent").isEqualTo(new MfaError.TooManyAttempts());
        }

        @Test
        void keepsTheBindingCodeOnlyAsAHashKeyedByTheOobCode() {
            MfaTestbed bed = new MfaTestbed();
            activeSms(bed);
            Challenge.Oob oob = smsChallenge(bed, bed.mfaToken());
            String binding = bed.sender.lastCodeTo(MfaTestbed.PHONE);

            assertThat(bed.challenges.findByCodeHash(SecretHash.of(oob.oobCode())).get().bindingCodeHash())
                    .isEqualTo(SecretHash.of(oob.oobCode(), binding))
                    .isNotEqualTo(SecretHash.of(binding));
        }
    }

    @Nested
    class Five_RecoveryCodesAreShownOnceHashedAndUsedOnce {
        private final MfaTestbed bed = new MfaTestbed();

        @Test
        void worksOnceAndItsReplacementWorksNext() {
            String first = bed.enrolledTotp().recoveryCode().get();
            RecoveryLogin login = bed.services.verifyRecoveryCode().verify(
                    new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(), first)).get();

            assertThat(bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(), first))
                    .getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());
            assertThat(bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(),
                    login.newRecoveryCode())).isRight()).isTrue();
        }

        @Test
        void isShownOnlyByTheFirstEnrollmentAndNeverListed() {
            Association.Otp otp = bed.enrolledTotp();
            String accessToken = bed.mfaApiAccessToken(otp);

            assertThat(bed.associateSms(accessToken, MfaTestbed.PHONE).get().recoveryCode()).isEmpty();
            assertThat(bed.services.listAuthenticators().list(accessToken).get().mkString())
                    .doesNotContain(otp.recoveryCode().get());
            assertThat(bed.authenticators.findByUser(bed.alice.id()).mkString()).doesNotContain(otp.recoveryCode().get());
        }
    }

    @Nested
    class Six_FailuresAreCountedPerUser {
        @Test
        void theUserBucketSpansTransactionsAndRefillsWithTime() {
            MfaTestbed bed = new MfaTestbed();
            Association.Otp otp = bed.enrolledTotp();
            for (int login = 0; login < 2; login++) {
                String mfaToken = bed.mfaToken();
                for (int i = 0; i < 5; i++) {
                    bed.verifyOtp(mfaToken, bed.wrongCode(otp.secret()));
                }
            }
            String fresh = bed.mfaToken();

            assertThat(bed.verifyOtp(fresh, bed.currentCode(otp.secret())).getLeft()).isEqualTo(new MfaError.TooManyAttempts());
            assertThat(bed.audit.eventsOfType("mfa.lockout")).isNotEmpty();

            bed.advance(Duration.ofMinutes(6));
            assertThat(bed.verifyOtp(fresh, bed.currentCode(otp.secret())).isRight()).isTrue();
        }

        @Test
        void stopsForGoodAfterTooManyConsecutiveFailures() {
            MfaTestbed bed = withBudgets(1000, 3);
            Association.Otp otp = bed.enrolledTotp();
            for (int i = 0; i < 3; i++) {
                bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret()));
            }
            bed.advance(Duration.ofDays(1));

            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).getLeft())
                    .isEqualTo(new MfaError.TooManyAttempts());
        }

        @Test
        void aRightCodeEndsTheRunOfConsecutiveFailures() {
            MfaTestbed bed = withBudgets(1000, 3);
            Association.Otp otp = bed.enrolledTotp();
            bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret()));
            bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret()));
            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
            bed.nextStep();
            bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret()));
            bed.verifyOtp(bed.mfaToken(), bed.wrongCode(otp.secret()));

            assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
        }

        @Test
        void aSecondFactorLockoutDoesNotLockThePassword() {
            MfaTestbed bed = new MfaTestbed();
            Association.Otp otp = bed.enrolledTotp();
            String mfaToken = bed.mfaToken();
            for (int i = 0; i < 10; i++) {
                bed.verifyOtp(mfaToken, bed.wrongCode(otp.secret()));
            }

            assertThat(bed.passwordLogin(Option.none(), Scope.EMPTY).get()).isInstanceOf(LoginOutcome.SecondFactorRequired.class);
        }
    }

    @Nested
    class Seven_SecretsAreStoredHashedAndNeverRecorded {
        @Test
        void noSecretReachesTheAuditTrailOrAStoredValuesText() {
            MfaTestbed bed = new MfaTestbed();
            String mfaToken = bed.mfaToken();
            Association.Otp otp = (Association.Otp) bed.associateOtp(mfaToken).get();
            String code = bed.currentCode(otp.secret());
            String accessToken = bed.verifyOtp(mfaToken, code).get().accessToken();
            bed.nextStep();
            String apiAccess = bed.mfaApiAccessToken(otp);
            Association.Oob sms = (Association.Oob) bed.associateSms(apiAccess, MfaTestbed.PHONE).get();
            String binding = bed.sender.lastCodeTo(MfaTestbed.PHONE);
            String loginToken = bed.mfaToken();
            bed.verifyOob(loginToken, sms.oobCode(), binding).get();
            RecoveryLogin recovered = bed.services.verifyRecoveryCode().verify(
                    new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(), otp.recoveryCode().get())).get();

            List<String> secrets = List.of(mfaToken, loginToken, otp.secret(), otp.barcodeUri(), code, accessToken,
                    apiAccess, sms.oobCode(), binding, otp.recoveryCode().get(), recovered.newRecoveryCode(),
                    MfaTestbed.PASSWORD);
            String recorded = bed.audit.events().mkString("\n");
            String stored = bed.authenticators.findByUser(bed.alice.id()).mkString("\n")
                    + bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get().toString()
                    + bed.challenges.findByCodeHash(SecretHash.of(sms.oobCode())).get().toString();
            secrets.forEach(secret -> {
                assertThat(recorded).doesNotContain(secret);
                assertThat(stored).doesNotContain(secret);
            });
            assertThat(bed.audit.events().map(e -> e.type()).distinct()).contains("login.mfa_required",
                    "enrollment.started", "authenticator.confirmed", "mfa.success");
        }

        @Test
        void tokensAndCodesAreFoundOnlyByTheirHashes() {
            MfaTestbed bed = new MfaTestbed();
            activeSms(bed);
            String mfaToken = bed.mfaToken();
            Challenge.Oob oob = smsChallenge(bed, mfaToken);

            assertThat(bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get().tokenHash())
                    .isEqualTo(SecretHash.of(mfaToken));
            assertThat(bed.challenges.findByCodeHash(SecretHash.of(oob.oobCode())).get().oobCodeHash())
                    .isEqualTo(SecretHash.of(oob.oobCode()));
        }
    }

    @Nested
    class Eight_UnknownUserAndWrongPasswordAreIndistinguishable {
        @Test
        void bothGiveTheSameErrorAndTheSameAuditEvent() {
            MfaTestbed bed = new MfaTestbed();
            MfaError unknown = bed.services.passwordLogin().login(new PasswordLoginCommand(bed.app, GrantType.PASSWORD,
                    Option.none(), "nobody", "whatever", Option.none(), Scope.EMPTY, Option.some(MfaTestbed.CLIENT_IP),
                    Option.none())).getLeft();
            MfaError wrong = bed.services.passwordLogin().login(new PasswordLoginCommand(bed.app, GrantType.PASSWORD,
                    Option.none(), "alice", "whatever", Option.none(), Scope.EMPTY, Option.some(MfaTestbed.CLIENT_IP),
                    Option.none())).getLeft();

            assertThat(unknown).isEqualTo(wrong).isEqualTo(new MfaError.WrongCredentials());
            assertThat(bed.audit.events()).hasSize(2);
            assertThat(bed.audit.events().get(0)).isEqualTo(bed.audit.events().get(1));
        }
    }
}
