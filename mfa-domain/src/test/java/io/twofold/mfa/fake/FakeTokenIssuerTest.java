package io.twofold.mfa.fake;

import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.testing.MutableClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FakeTokenIssuerTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final FakeTokenIssuer issuer = new FakeTokenIssuer(clock, "https://twofold.test/");
    private final User alice = new User(new UserId("user-alice"), "alice", Option.none());

    private IssuedTokens issue(Option<String> audience, String scope) {
        return issuer.issue(new TokenRequest(alice, new ClientId("app"), audience, Scope.parse(scope), true,
                clock.instant()));
    }

    @Test
    void verifiesAnMfaApiTokenUntilItExpires() {
        IssuedTokens tokens = issue(Option.some(issuer.mfaApiAudience()), "enroll");

        assertThat(issuer.mfaApiAudience()).isEqualTo("https://twofold.test/mfa/");
        assertThat(tokens.expiresIn()).isEqualTo(600);
        assertThat(issuer.verifyMfaApiToken(tokens.accessToken()).get())
                .isEqualTo(new AccessTokenClaims(alice.id(), new ClientId("app"), Scope.parse("enroll")));

        clock.advance(Duration.ofSeconds(600));
        assertThat(issuer.verifyMfaApiToken(tokens.accessToken()).isLeft()).isTrue();
    }

    @Test
    void refusesTokensForOtherAudiencesAndUnknownTokens() {
        IssuedTokens api = issue(Option.some("https://api.example.com/"), "read");

        assertThat(api.expiresIn()).isEqualTo(86_400);
        assertThat(issuer.verifyMfaApiToken(api.accessToken()).getLeft()).doesNotContain(api.accessToken());
        assertThat(issuer.verifyMfaApiToken("at.999").isLeft()).isTrue();
    }

    @Test
    void issuesAnIdTokenOnlyForOpenidAndRecognisesItsAccessTokens() {
        IssuedTokens withOpenid = issue(Option.none(), "openid profile");
        IssuedTokens without = issue(Option.none(), "profile");

        assertThat(withOpenid.idToken()).isNotEmpty();
        assertThat(without.idToken()).isEmpty();
        assertThat(withOpenid.accessToken()).isNotEqualTo(without.accessToken());
        assertThat(issuer.looksLikeAccessToken(without.accessToken())).isTrue();
        assertThat(issuer.looksLikeAccessToken("Fe26.2**mfa-token")).isFalse();
        assertThat(issuer.requests()).hasSize(2);
    }
}
