package io.twofold.mfa.app.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.HashMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The label values: each from a fixed set, read from what the client saw or from a type, never from input. */
class MetricLabelsTest {

    @Test
    void readsTheErrorCodeOfEitherErrorShape() {
        assertThat(RequestMeters.errorCode(HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(bytes("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid otp_code.\"}"))))
                .isEqualTo("invalid_grant");
        assertThat(RequestMeters.errorCode(HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(bytes("{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"The user does not exist.\","
                        + "\"errorCode\":\"inexistent_user\"}"))))
                .isEqualTo("inexistent_user");
        assertThat(RequestMeters.errorCode(HttpResponse.status(HttpStatus.BAD_REQUEST)
                .body(bytes("{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"x\"}")))).isEqualTo("none");
        assertThat(RequestMeters.errorCode(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", "DOWN")))).isEqualTo("none");
    }

    @Test
    void neverLabelsASuccessBodyOrAnOddCode() {
        assertThat(RequestMeters.errorCode(HttpResponse.ok(bytes("{\"error\":\"invalid_grant\"}")))).isEqualTo("none");
        assertThat(RequestMeters.errorCode(HttpResponse.status(HttpStatus.BAD_REQUEST)
                .body(bytes("{\"error\":\"jane@example.com has no factor\"}")))).isEqualTo("other");
        assertThat(RequestMeters.errorCode(HttpResponse.status(HttpStatus.BAD_REQUEST).body(bytes("not json"))))
                .isEqualTo("none");
    }

    @Test
    void countsAGrantByItsShortNameAndTheErrorRecord() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Instrumentation metrics = Instrumentation.on(new TwofoldMeters(registry));
        VerifyOtp refusing = metrics.verifyOtp(command -> Either.left(new MfaError.TooManyAttempts()));
        VerifyOtp wrong = metrics.verifyOtp(command -> Either.left(new MfaError.InvalidOtp()));

        refusing.verify(null);
        wrong.verify(null);
        wrong.verify(null);

        assertThat(registry.get(TwofoldMeters.GRANTS).tags("grant_type", "mfa-otp", "outcome", "invalid_otp")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(TwofoldMeters.GRANTS).tags("grant_type", "mfa-otp", "outcome", "too_many_attempts")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get(TwofoldMeters.REFUSALS).tags("budget", "second_factor").counter().count()).isEqualTo(1);
        assertThat(Instrumentation.grantLabel(GrantType.CLIENT_CREDENTIALS)).isEqualTo("client_credentials");
        assertThat(Instrumentation.budget(new MfaError.TooManySends(MfaError.TooManySends.Limit.END_USER_IP)))
                .contains("send_end_user_ip");
    }

    @Test
    void takesTheFactorKindFromTheAuthenticatorIdAndKeepsTheEvent() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<AuditEvent> kept = new ArrayList<>();
        AuditLog log = Instrumentation.on(new TwofoldMeters(registry)).audit(kept::add);

        log.record(event("mfa.verified", "authenticator", "voice|dev_abcdefghijklmnop"));
        log.record(event("mfa.failure", "factor", "otp", "authenticator", "none"));
        log.record(event("enrollment.started", "authenticator", "email|dev_abcdefghijklmnop",
                "recovery_code", "recovery-code|dev_bcdefghijklmnopq"));

        assertThat(kept).hasSize(3);
        assertThat(registry.get(TwofoldMeters.VERIFICATIONS).tags("factor", "voice", "outcome", "success").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(TwofoldMeters.VERIFICATIONS).tags("factor", "otp", "outcome", "failure").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(TwofoldMeters.ENROLLMENTS).tags("factor", "email", "stage", "started").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(TwofoldMeters.ENROLLMENTS).tags("factor", "recovery_code", "stage", "started").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void handsPortsBackUntouchedWhenOff() {
        VerifyOtp port = command -> Either.left(new MfaError.InvalidOtp());
        assertThat(Instrumentation.off().verifyOtp(port)).isSameAs(port);
    }

    @Test
    void refusesAPortThatIsNotOne() {
        assertThatThrownBy(() -> MetricsSettings.read(name -> name.equals(MetricsSettings.MANAGEMENT_PORT)
                ? Option.some("ninety") : Option.none()))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage(
                        "MFA_MANAGEMENT_PORT must be a port number from 1 to 65535");
        assertThatThrownBy(() -> MetricsSettings.read(name -> name.equals(MetricsSettings.ENABLED)
                ? Option.some("yes") : Option.none()))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("MFA_METRICS_ENABLED must be true or false");
        MetricsSettings defaults = MetricsSettings.read(name -> Option.none());
        assertThat(defaults.onMainPort()).isTrue();
        assertThat(defaults.managementHost()).isEqualTo("0.0.0.0");
    }

    private static AuditEvent event(String type, String... details) {
        HashMap<String, String> map = HashMap.empty();
        for (int i = 0; i < details.length; i += 2) {
            map = map.put(details[i], details[i + 1]);
        }
        return new AuditEvent(Instant.EPOCH, type, Option.none(), Option.none(), map);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
