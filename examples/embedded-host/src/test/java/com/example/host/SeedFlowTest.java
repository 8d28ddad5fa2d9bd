package com.example.host;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.User;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.testing.MutableClock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed flow through the inbound ports, as the host's own login page would drive them: no HTTP. */
class SeedFlowTest {
    private static final ClientCredentials WEB_APP = new ClientCredentials(new ClientId(HostMfa.WEB_APP), Option.none());

    /** Time moved by hand (the domain test-jar's clock), so every TOTP step is exact. */
    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private final HostMfa host = HostMfa.start(HostDatabase.fresh(), HostDatabase.keyring(), clock);
    private final User alice = host.users().add("alice", "correct horse battery staple");

    @Test
    void enrollsAnAuthenticatorAppAtTheFirstLoginAndAnswersTheNextLoginWithIt() {
        // 1. The password is right; the client always wants a second factor, and Alice has none yet.
        LoginOutcome.SecondFactorRequired first = secondFactorRequired(login("correct horse battery staple"));
        assertThat(first.enrollTypes()).contains(FactorType.OTP);
        assertThat(first.challengeTypes()).isEmpty();

        // 2. Enroll an authenticator app with the mfa_token: the secret (and its QR code URI) comes back once.
        Association.Otp app = (Association.Otp) host.mfa().associate()
                .associate(new AssociateCommand(first.mfaToken(), Option.none(), new EnrollmentChoice.Otp())).get();
        assertThat(app.barcodeUri()).startsWith("otpauth://totp/");
        assertThat(app.recoveryCode()).isNotEmpty();

        // 3. The app's first code confirms it and completes the login: a session of the host's.
        IssuedTokens confirmed = verify(first.mfaToken(), Totp.code(app.secret(), clock.instant())).get();
        assertThat(host.sessions().userOf(confirmed.accessToken())).containsExactly(alice.id());

        // 4. Thirty seconds later, a new login is answered with the code of the next step.
        clock.advance(Duration.ofSeconds(30));
        LoginOutcome.SecondFactorRequired second = secondFactorRequired(login("correct horse battery staple"));
        assertThat(second.challengeTypes()).contains(FactorType.OTP);
        IssuedTokens tokens = verify(second.mfaToken(), Totp.code(app.secret(), clock.instant())).get();
        assertThat(host.sessions().userOf(tokens.accessToken())).containsExactly(alice.id());

        // Housekeeping runs on the host's schedule; now it finds nothing expired.
        assertThat(host.mfa().purgeExpired().purge().total()).isZero();
    }

    @Test
    void refusesAWrongPasswordAndAReplayedCode() {
        assertThat(login("wrong").getLeft()).isInstanceOf(MfaError.class);

        LoginOutcome.SecondFactorRequired first = secondFactorRequired(login("correct horse battery staple"));
        Association.Otp app = (Association.Otp) host.mfa().associate()
                .associate(new AssociateCommand(first.mfaToken(), Option.none(), new EnrollmentChoice.Otp())).get();
        String code = Totp.code(app.secret(), clock.instant());
        assertThat(verify(first.mfaToken(), code).isRight()).isTrue();

        LoginOutcome.SecondFactorRequired second = secondFactorRequired(login("correct horse battery staple"));
        assertThat(verify(second.mfaToken(), code).isLeft()).as("the same code twice").isTrue();
    }

    private Either<MfaError, LoginOutcome> login(String password) {
        return host.mfa().passwordLogin().login(new PasswordLoginCommand(WEB_APP, GrantType.PASSWORD, Option.none(),
                "alice", password, Option.none(), Scope.parse("openid")));
    }

    private Either<MfaError, IssuedTokens> verify(String mfaToken, String code) {
        return host.mfa().verifyOtp().verify(new VerifyOtpCommand(WEB_APP, mfaToken, code));
    }

    private static LoginOutcome.SecondFactorRequired secondFactorRequired(Either<MfaError, LoginOutcome> outcome) {
        assertThat(outcome.get()).isInstanceOf(LoginOutcome.SecondFactorRequired.class);
        return (LoginOutcome.SecondFactorRequired) outcome.get();
    }
}
