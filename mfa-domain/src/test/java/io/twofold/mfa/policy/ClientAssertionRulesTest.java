package io.twofold.mfa.policy;

import io.twofold.mfa.model.AssertionClaims;
import io.twofold.mfa.model.ClientId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAssertionRulesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final ClientId CLIENT = new ClientId("backend");

    private static AssertionClaims claims(String iss, String sub, Instant exp, Instant iat, String jti) {
        return new AssertionClaims(Option.of(iss), Option.of(sub), Option.of(exp), Option.of(iat), Option.none(),
                Option.of(jti));
    }

    @Test
    void admitsAnAssertionOfTheClientValidForAFewMinutesAndRemembersItPastTheSkew() {
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.plusSeconds(180), NOW, "j1"), CLIENT, NOW)
                .get()).isEqualTo(new ClientAssertionRules.Admitted("j1", NOW.plusSeconds(210)));
    }

    @Test
    void refusesAnotherIssuerOrSubject() {
        assertThat(ClientAssertionRules.admit(claims("other", "backend", NOW.plusSeconds(60), NOW, "j"), CLIENT, NOW)
                .isLeft()).isTrue();
        assertThat(ClientAssertionRules.admit(claims("backend", "other", NOW.plusSeconds(60), NOW, "j"), CLIENT, NOW)
                .isLeft()).isTrue();
    }

    @Test
    void refusesExpiredOrLongLivedOrFutureAssertions() {
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.minusSeconds(31), NOW.minusSeconds(90), "j"),
                CLIENT, NOW).isLeft()).isTrue();
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.plusSeconds(331), NOW, "j"), CLIENT, NOW)
                .isLeft()).isTrue();
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.plusSeconds(120), NOW.plusSeconds(31), "j"),
                CLIENT, NOW).isLeft()).isTrue();
        assertThat(ClientAssertionRules.admit(new AssertionClaims(Option.of("backend"), Option.of("backend"),
                Option.none(), Option.none(), Option.none(), Option.of("j")), CLIENT, NOW).isLeft()).isTrue();
    }

    @Test
    void forgivesThirtySecondsOfSkew() {
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.minusSeconds(29), NOW.minusSeconds(60), "j"),
                CLIENT, NOW).isRight()).isTrue();
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.plusSeconds(329), NOW.plusSeconds(29), "j"),
                CLIENT, NOW).isRight()).isTrue();
    }

    @Test
    void needsAJti() {
        assertThat(ClientAssertionRules.admit(new AssertionClaims(Option.of("backend"), Option.of("backend"),
                Option.of(NOW.plusSeconds(60)), Option.none(), Option.none(), Option.none()), CLIENT, NOW).isLeft()).isTrue();
        assertThat(ClientAssertionRules.admit(claims("backend", "backend", NOW.plusSeconds(60), NOW, " "), CLIENT, NOW)
                .isLeft()).isTrue();
    }
}
